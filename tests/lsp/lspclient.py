"""lspclient.py: a small Language Server Protocol client over a subprocess's pipes, for the
tests: send requests and notifications, read responses and notifications with a deadline."""
import json
import os
import select
import subprocess
import time


class Client:
    def __init__(self, cmd, timeout=20):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.timeout = timeout
        self.buf = b""
        self.next_id = 0
        self.notes = []  # notifications received, in order

    def send_raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg, ensure_ascii=False).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, msg_id=None):
        """Send a request and wait for its response (the whole message)."""
        if msg_id is None:
            self.next_id += 1
            msg_id = self.next_id
        self.send({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == msg_id and "method" not in m)

    def read_message(self, deadline):
        while True:
            head, sep, rest = self.buf.partition(b"\r\n\r\n")
            if sep:
                length = None
                for line in head.split(b"\r\n"):
                    k, _, v = line.partition(b":")
                    if k.strip().lower() == b"content-length":
                        length = int(v)
                if length is not None and len(rest) >= length:
                    self.buf = rest[length:]
                    return json.loads(rest[:length])
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no message from the server in time")
            r, _, _ = select.select([self.p.stdout], [], [], left)
            if r:
                chunk = os.read(self.p.stdout.fileno(), 1 << 16)
                if not chunk:
                    raise EOFError("the server closed its output")
                self.buf += chunk

    def wait(self, match, timeout=None):
        """The first message (kept notifications first) for which match is true."""
        for i, m in enumerate(self.notes):
            if match(m):
                return self.notes.pop(i)
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            m = self.read_message(deadline)
            if match(m):
                return m
            self.notes.append(m)

    def diagnostics(self, uri, timeout=None):
        """The next diagnostics published for uri."""
        m = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri, timeout)
        return m["params"]["diagnostics"]

    def close(self):
        try:
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        return self.p.wait(timeout=self.timeout)
