#!/usr/bin/env python3
"""run.py PLC: a scripted exchange with `PLC lsp`: requests in, responses checked. Covers
initialize, diagnostics appearing and disappearing as buffers change (an import read from
its open buffer), hover, definition across an import, references, rename, completion, the
outline, quick fixes, UTF-16 positions after CJK and non-BMP text, malformed input, a 10 MB
document, shutdown and exit, and a closed stdin."""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Client  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PLC = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/plc")
MAIN = os.path.join(HERE, "main.fp")
BASE = os.path.join(HERE, "base.fp")
URI = "file://" + MAIN
BASE_URI = "file://" + BASE
TEXT = open(MAIN, encoding="utf-8").read()
BASE_TEXT = open(BASE, encoding="utf-8").read()

passed = failed = 0


def check(what, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL: %s %s" % (what, detail))


def pos(text, needle, after=0, nth=0):
    """The LSP position (UTF-16) of the after-th character of the nth needle in text."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    at += after
    line = text.count("\n", 0, at)
    start = text.rfind("\n", 0, at) + 1
    return {"line": line, "character": len(text[start:at].encode("utf-16-le")) // 2}


def at(uri, p, **extra):
    d = {"textDocument": {"uri": uri}, "position": p}
    d.update(extra)
    return d


def open_doc(c, uri, text, version=1):
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "fp",
                                                       "version": version, "text": text}})


def change(c, uri, text, version):
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                        "contentChanges": [{"text": text}]})


def main():
    c = Client([PLC, "lsp"])
    # before initialize: refused
    r = c.request("textDocument/hover", at(URI, {"line": 0, "character": 0}))
    check("request before initialize", r.get("error", {}).get("code") == -32002, r)
    r = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    caps = r["result"]["capabilities"]
    check("initialize: utf-16", caps.get("positionEncoding") == "utf-16", caps)
    for cap in ("hoverProvider", "definitionProvider", "referencesProvider", "renameProvider",
                "completionProvider", "documentSymbolProvider", "codeActionProvider"):
        check("initialize: " + cap, cap in caps)
    c.notify("initialized", {})

    # diagnostics: clean, then an error appears and disappears
    open_doc(c, URI, TEXT)
    d = c.diagnostics(URI)
    check("clean plan: no diagnostics", d == [], d)
    bad = TEXT.replace("target gdp 2024", "target gdq 2024")
    change(c, URI, bad, 2)
    d = c.diagnostics(URI)
    check("typo: one diagnostic", len(d) == 1, d)
    if d:
        g = d[0]
        check("typo: code C001", g.get("code") == "C001", g)
        check("typo: an error", g.get("severity") == 1, g)
        check("typo: did you mean", "did you mean 'gdp'" in g.get("message", ""), g)
        check("typo: range", g["range"]["start"] == pos(bad, "gdq") and
              g["range"]["end"] == pos(bad, "gdq", 3), g["range"])
        r = c.request("textDocument/codeAction", {"textDocument": {"uri": URI}, "range": g["range"],
                                                  "context": {"diagnostics": [g]}})
        acts = r.get("result") or []
        check("quick fix offered", len(acts) == 1 and acts[0]["kind"] == "quickfix", r)
        if acts:
            edit = acts[0]["edit"]["changes"][URI][0]
            check("quick fix edit", edit["newText"] == "gdp" and edit["range"] == g["range"], edit)
    change(c, URI, TEXT, 3)
    d = c.diagnostics(URI)
    check("typo fixed: diagnostics cleared", d == [], d)

    # incremental edits, in UTF-16 ranges: an error typed after 𠮷 appears, then goes
    p = pos(TEXT, "gdp[2023]}", 0, nth=1)
    span = {"start": p, "end": dict(p, character=p["character"] + 3)}
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 6},
                                        "contentChanges": [{"range": span, "text": "gdq"}]})
    d = c.diagnostics(URI)
    check("incremental edit after 𠮷: the error at the edit",
          any(x.get("code") == "C001" and x["range"] == span for x in d), d)
    end = pos(TEXT, "\n", 0, nth=TEXT.count("\n") - 1)
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 7}, "contentChanges": [
        {"range": span, "text": "gdp"},
        {"range": {"start": end, "end": end}, "text": "\n# 注释 𠮷"},
        {"range": {"start": end, "end": dict(end, line=end["line"] + 1, character=7)}, "text": ""}]})
    check("incremental edits undone: cleared", c.diagnostics(URI) == [])
    r = c.request("textDocument/hover", at(URI, pos(TEXT, "gdp 2024")))
    check("hover after incremental edits", "地区生产总值" in str(r.get("result")), r)

    # a duplicate: related information points at the first definition
    dup = TEXT.replace("indicator 主体", "indicator 企业 \"x\" 万户\nindicator 主体")
    change(c, URI, dup, 4)
    d = c.diagnostics(URI)
    g = [x for x in d if x.get("code") == "C002"]
    check("duplicate reported", len(g) == 1, d)
    if g:
        rel = g[0].get("relatedInformation") or []
        check("duplicate: related information", len(rel) == 1 and rel[0]["location"]["uri"] == URI
              and rel[0]["location"]["range"]["start"] == pos(dup, "企业"), rel)
    change(c, URI, TEXT, 5)
    check("duplicate fixed", c.diagnostics(URI) == [])

    # an import open in the editor is read from its buffer, not from disk
    open_doc(c, BASE_URI, BASE_TEXT.replace("indicator gdp", "indicator gdp2"))
    d = c.diagnostics(URI)
    check("import's buffer read: b.gdp unknown", any(x.get("code") == "C001" and
          x["range"]["start"] == pos(TEXT, "b.gdp", 2) for x in d), d)
    c.notify("textDocument/didClose", {"textDocument": {"uri": BASE_URI}})
    check("import closed: read from disk again", c.diagnostics(URI) == [])

    # hover: an indicator (values by period, target with its implied value)
    r = c.request("textDocument/hover", at(URI, pos(TEXT, "gdp 2024", 1)))
    h = (r.get("result") or {}).get("contents", {}).get("value", "")
    check("hover indicator: name", "地区生产总值" in h, h)
    check("hover indicator: value from the import", "5704.55亿元" in h and "2022" in h, h)
    check("hover indicator: target implies", "implies 6018.30亿元" in h, h)
    check("hover indicator: range", r["result"].get("range", {}).get("start") ==
          pos(TEXT, "gdp 2024"), r["result"].get("range"))
    # hover: an indicator with a target of the base year, judged
    r = c.request("textDocument/hover", at(URI, pos(TEXT, "企业 2023", 0)))
    h = (r.get("result") or {}).get("contents", {}).get("value", "")
    check("hover: a target's verdict, once", h.count("implies 40万户; 完成 (41万户, 完成率102.5%)") == 1, h)
    # hover: a claim (stated, computed, verdict), through its placeholder
    r = c.request("textDocument/hover", at(URI, pos(TEXT, "{占比}", 1)))
    h = (r.get("result") or {}).get("contents", {}).get("value", "")
    check("hover claim", "stated: 70%" in h and "computed: 69.97" in h and "verdict:" in h, h)
    check("hover placeholder text", "the placeholder reads" in h, h)
    # hover: a commitment
    r = c.request("textDocument/hover", at(URI, pos(TEXT, "c1 \"", 0)))
    h = (r.get("result") or {}).get("contents", {}).get("value", "")
    check("hover commitment", "超过1100亿元" in h and "区科技创新局" in h, h)
    # hover: a unit, in base units
    r = c.request("textDocument/hover", at(URI, pos(TEXT, "亿元 decimals 2 main", 1)))
    h = (r.get("result") or {}).get("contents", {}).get("value", "")
    check("hover unit", "**亿元** = 100000000 元" in h, h)
    r = c.request("textDocument/hover", at(URI, pos(TEXT, "万户 decimals 0", 0)))
    h = (r.get("result") or {}).get("contents", {}).get("value", "")
    check("hover unit 万户", "**万户** = 10000 户" in h, h)
    # hover on nothing
    r = c.request("textDocument/hover", at(URI, {"line": 0, "character": 0}))
    check("hover on a comment: null", r.get("result") is None, r)

    # a UTF-16 position after Chinese text and after a character outside the BMP
    p = pos(TEXT, "{gdp[2023]}", 1, nth=1)
    line = TEXT.split("\n")[p["line"]]
    check("non-BMP: UTF-16 column differs from characters",
          p["character"] == line.index("{gdp") + 2, (p, line))
    r = c.request("textDocument/hover", at(URI, p))
    res = r.get("result") or {}
    check("hover after 𠮷", res.get("range", {}).get("start") == p, res.get("range"))
    p = pos(TEXT, "{gdp[2023]}", 1)
    r = c.request("textDocument/definition", at(URI, p))
    check("definition after CJK", (r.get("result") or {}).get("range", {}).get("start") ==
          pos(TEXT, "gdp \"地区"), r)

    # definition across the import: b.gdp → base.fp
    r = c.request("textDocument/definition", at(URI, pos(TEXT, "b.gdp", 3)))
    loc = r.get("result") or {}
    check("definition across import", loc.get("uri") == BASE_URI and
          loc["range"]["start"] == pos(BASE_TEXT, "gdp \""), loc)
    r = c.request("textDocument/definition", at(URI, pos(TEXT, "b.gdp", 0)))
    loc = r.get("result") or {}
    check("definition of the alias", loc.get("range", {}).get("start") == pos(TEXT, "b\n"), loc)

    r = c.request("textDocument/definition", at(URI, pos(TEXT, "base.fp", 2)))
    loc = r.get("result") or {}
    check("definition of an import's path: the file", loc.get("uri") == BASE_URI, loc)

    # references of gdp: its definition, the formula, the target, the placeholders
    r = c.request("textDocument/references", at(URI, pos(TEXT, "gdp 2024"),
                                                context={"includeDeclaration": True}))
    refs = r.get("result") or []
    check("references", len(refs) == 5, refs)
    r = c.request("textDocument/references", at(URI, pos(TEXT, "gdp 2024"),
                                                context={"includeDeclaration": False}))
    check("references without the declaration", len(r.get("result") or []) == 4, r)
    r = c.request("textDocument/references", at(URI, pos(TEXT, "{c1}", 1),
                                                context={"includeDeclaration": True}))
    check("references of a commitment", len(r.get("result") or []) == 2, r)

    # rename 企业 → 公司: definition, the claim's formula, the target
    r = c.request("textDocument/rename", at(URI, pos(TEXT, "企业 /"), newName="公司"))
    edits = ((r.get("result") or {}).get("changes") or {}).get(URI, [])
    check("rename", len(edits) == 3 and all(e["newText"] == "公司" for e in edits), r)
    r = c.request("textDocument/rename", at(URI, pos(TEXT, "企业 /"), newName="a b"))
    check("rename to a non-id refused", "error" in r, r)
    r = c.request("textDocument/rename", at(URI, pos(TEXT, "企业 /"), newName="主体"))
    check("rename onto an existing id refused", "error" in r, r)
    r = c.request("textDocument/rename", at(URI, pos(TEXT, "b.gdp"), newName="last"))
    edits = ((r.get("result") or {}).get("changes") or {}).get(URI, [])
    check("rename an import's alias", sorted(e["range"]["start"]["line"] for e in edits) ==
          [pos(TEXT, "b\n")["line"], pos(TEXT, "b.gdp")["line"]], r)
    r = c.request("textDocument/prepareRename", at(URI, pos(TEXT, "企业 /")))
    check("prepareRename", (r.get("result") or {}).get("placeholder") == "企业", r)

    # completion
    r = c.request("textDocument/completion", at(URI, pos(TEXT, "b.gdp", 2)))
    labels = {i["label"] for i in (r.get("result") or {}).get("items", [])}
    check("completion after alias.", labels == {"gdp"}, labels)
    r = c.request("textDocument/completion", at(URI, pos(TEXT, "growth(", 7)))
    items = (r.get("result") or {}).get("items", [])
    labels = {i["label"] for i in items}
    for want in ("gdp", "企业", "c1", "占比", "growth", "增长", "约", "亿元", "2024", "target"):
        check("completion offers " + want, want in labels)
    gdp = [i for i in items if i["label"] == "gdp"]
    check("completion: display name", gdp and "地区生产总值" in gdp[0].get("detail", ""), gdp)

    # the outline
    r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": URI}})
    syms = r.get("result") or []
    names = [s["name"] for s in syms]
    check("outline: indicators and parts", "gdp" in names and "主要任务" in names, names)
    tasks = [s for s in syms if s["name"] == "主要任务"]
    try:
        sec = tasks[0]["children"][0]
        task = sec["children"][0]
        ok = sec["name"] == "产业" and task["name"] == "建设科创区" and \
            task["children"][0]["name"] == "c1"
    except (IndexError, KeyError):
        ok = False
    check("outline: part → section → task → commitment", ok, tasks)

    # formatting: offered exactly when this plc has plc fmt; the edit gives plc fmt's text,
    # and a plan with syntax errors is refused
    has_fmt = subprocess.run([PLC, "fmt", "--help"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL).returncode == 0
    check("formatting offered iff plc fmt is built",
          bool(caps.get("documentFormattingProvider")) == has_fmt, (has_fmt, caps))
    messy = TEXT.replace('indicator gdp "地区生产总值"', 'indicator   gdp  "地区生产总值"  ')
    change(c, URI, messy, 20)
    fmt_params = {"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": True}}
    r = c.request("textDocument/formatting", fmt_params)
    if has_fmt:
        want = subprocess.run([PLC, "fmt"], input=messy.encode(), stdout=subprocess.PIPE).stdout
        edits = r.get("result") or []
        lines = messy.split("\n")
        check("formatting: one edit of the whole text", len(edits) == 1 and
              edits[0]["range"] == {"start": {"line": 0, "character": 0},
                                    "end": {"line": len(lines) - 1,
                                            "character": len(lines[-1].encode("utf-16-le")) // 2}},
              r)
        check("formatting: plc fmt's text", edits and edits[0]["newText"].encode() == want, r)
        change(c, URI, want.decode(), 21)
        r = c.request("textDocument/formatting", fmt_params)
        check("formatting a formatted plan: no edit", r.get("result") == [], r)
        change(c, URI, TEXT + "indicator\n", 22)
        r = c.request("textDocument/formatting", fmt_params)
        check("formatting refused on syntax errors", r.get("error", {}).get("code") == -32803, r)
    else:
        check("formatting without plc fmt: MethodNotFound",
              r.get("error", {}).get("code") == -32601, r)
    change(c, URI, TEXT, 23)
    c.diagnostics(URI)

    # malformed input: never a crash
    c.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    r = c.wait(lambda m: "error" in m and m.get("id") is None)
    check("malformed JSON: parse error", r["error"]["code"] == -32700, r)
    c.send_raw(b"Content-Length: x\r\n\r\n")
    r = c.wait(lambda m: "error" in m and m.get("id") is None)
    check("bad header: error", r["error"]["code"] == -32700, r)
    c.send_raw(b"Content-Length: 2\r\n\r\n[]")
    r = c.wait(lambda m: "error" in m and m.get("id") is None)
    check("not an object: invalid request", r["error"]["code"] == -32600, r)
    r = c.request("workspace/unknownThing", {})
    check("unknown method", r.get("error", {}).get("code") == -32601, r)
    r = c.request("textDocument/hover", {"textDocument": {"uri": URI}})
    check("hover without a position: invalid params", r.get("error", {}).get("code") == -32602, r)
    r = c.request("textDocument/hover", at("file:///nowhere.fp", {"line": 0, "character": 0}))
    check("hover in a closed document: invalid params", r.get("error", {}).get("code") == -32602, r)
    r = c.request("textDocument/hover", at(URI, {"line": 99999, "character": 99999}))
    check("hover past the end: null", "result" in r and r["result"] is None, r)
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI}, "contentChanges": "x"})
    c.notify("$/cancelRequest", {"id": 1})

    # every input of tests/diag: diagnostics when plc check gives some, never a crash
    diag_dir = os.path.join(HERE, "..", "diag")
    for name in sorted(os.listdir(diag_dir)):
        if not name.endswith(".fp"):
            continue
        path = os.path.abspath(os.path.join(diag_dir, name))
        try:  # an editor sends text: bytes that are not UTF-8 never reach the server
            data = open(path, "rb").read().decode("utf-8")
        except UnicodeDecodeError:
            continue
        err = path[:-3] + ".err"
        expected = os.path.exists(err) and any(
            ": error: " in l or ": warning: " in l for l in open(err, encoding="utf-8", errors="replace"))
        open_doc(c, "file://" + path, data)
        d = c.diagnostics("file://" + path)
        check("tests/diag/" + name + ": diagnostics as plc check gives", (len(d) > 0) == expected, d)
        for p in ({"line": 0, "character": 3}, {"line": 2, "character": 10}):
            r = c.request("textDocument/hover", at("file://" + path, p))
            check("tests/diag/" + name + ": hover answered", "result" in r, r)
        r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": "file://" + path}})
        check("tests/diag/" + name + ": outline answered", "result" in r, r)
        c.notify("textDocument/didClose", {"textDocument": {"uri": "file://" + path}})
        c.diagnostics("file://" + path)

    # a 10 MB document with every line wrong still gets bounded diagnostics
    big_uri = "file://" + os.path.join(HERE, "big.fp")
    big = ("indicator x%d \"指标\" 亿元\n  2023 actual 1\n  2024 bogus )(\n" * 240000)[:10 << 20]
    open_doc(c, big_uri, big)
    d = c.diagnostics(big_uri, timeout=120)
    check("10 MB document: bounded diagnostics", 0 < len(d) <= 500, len(d))
    c.notify("textDocument/didClose", {"textDocument": {"uri": big_uri}})
    check("10 MB document closed: cleared", c.diagnostics(big_uri) == [])

    # shutdown and exit
    r = c.request("shutdown", None)
    check("shutdown", "result" in r and r["result"] is None, r)
    r = c.request("textDocument/hover", at(URI, pos(TEXT, "gdp 2024")))
    check("request after shutdown refused", r.get("error", {}).get("code") == -32600, r)
    c.notify("exit", None)
    check("exit after shutdown: status 0", c.p.wait(timeout=20) == 0)

    # stdin closed without shutdown: the server ends (status 1), no hang
    c = Client([PLC, "lsp"])
    c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    open_doc(c, URI, TEXT)
    t = time.monotonic()
    check("stdin closed: exit status 1", c.close() == 1)
    check("stdin closed: ends at once", time.monotonic() - t < 10)

    print("lsp: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
