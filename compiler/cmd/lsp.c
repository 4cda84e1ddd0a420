/* lsp.c: plc lsp: the server's loop: read a message, answer it, compile what changed when
   the client pauses, publish diagnostics; the methods it knows, in one table. */
#include "syntax/diag.h"
#include "cmd/lsp.h"

#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "runtime/mem.h"
#include "cmd/lspdoc.h"
#include "cmd/lspfeat.h"
#include "cmd/lspio.h"

#ifndef PLC_VERSION
#define PLC_VERSION "0.0.0"
#endif

/* JSON-RPC and LSP error codes. */
enum { ERR_PARSE = -32700, ERR_INVALID_REQUEST = -32600, ERR_METHOD_NOT_FOUND = -32601,
       ERR_INVALID_PARAMS = -32602, ERR_NOT_INITIALIZED = -32002,
       ERR_REQUEST_FAILED = -32803 };

/* At most this many diagnostics are published for one document. */
#define LSP_MAX_DIAGNOSTICS 500

typedef enum { LSP_STARTING, LSP_RUNNING, LSP_SHUTTING_DOWN } LspState;

typedef struct Server {
  LspDocs docs;
  LspState state;
  int done, exit_code;
  int out_closed;
  /* the answer to the request being handled: a result, or an error */
  int err_code;
  const char *err_msg;
} Server;

/* ---- output ---- */

static void lsp_send(Server *s, json_t *msg) {
  if (!msg) return;
  char *text = json_dumps(msg, JSON_COMPACT);
  json_decref(msg);
  if (!text) return;
  if (!s->out_closed && lspio_write(STDOUT_FILENO, text, strlen(text)) < 0) {
    s->out_closed = 1; /* the client is gone: read on to the end of its input */
    s->done = 1;
  }
  mem_free(text);
}

static void lsp_respond(Server *s, json_t *id, json_t *result) {
  lsp_send(s, json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(),
                        "result", result ? result : json_null()));
}

static void lsp_error(Server *s, json_t *id, int code, const char *msg) {
  lsp_send(s, json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0", "id",
                        id ? id : json_null(), "error", "code", code, "message", msg));
}

static void lsp_notify(Server *s, const char *method, json_t *params) {
  lsp_send(s, json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", method, "params", params));
}

/* Fail the request being handled with code and msg; the handler returns NULL after it. */
static json_t *lsp_fail(Server *s, int code, const char *msg) {
  s->err_code = code;
  s->err_msg = msg;
  return NULL;
}

/* ---- documents ---- */

static void lsp_publish(Server *s, LspDoc *d) {
  lsp_notify(s, "textDocument/publishDiagnostics",
             lspdoc_diagnostics(&s->docs, d, LSP_MAX_DIAGNOSTICS));
}

/* Compile every changed document and publish its diagnostics. */
static void lsp_rebuild(Server *s) {
  for (int i = 0; i < s->docs.n; i++) {
    LspDoc *d = s->docs.v[i];
    if (!d->dirty) continue;
    lspdoc_build(&s->docs, d);
    lsp_publish(s, d);
  }
}

/* The open document params name (textDocument.uri), compiled; NULL after failing. */
static LspDoc *lsp_doc(Server *s, json_t *params) {
  const char *uri;
  if (json_unpack(params, "{s:{s:s}}", "textDocument", "uri", &uri) < 0) {
    lsp_fail(s, ERR_INVALID_PARAMS, "textDocument.uri is missing");
    return NULL;
  }
  LspDoc *d = lspdoc_by_uri(&s->docs, uri);
  if (!d) {
    lsp_fail(s, ERR_INVALID_PARAMS, "the document is not open");
    return NULL;
  }
  int was_dirty = d->dirty || !d->build;
  lspdoc_build(&s->docs, d);
  if (was_dirty) lsp_publish(s, d);
  return d;
}

/* The document and the place params name (textDocument, position). */
static LspDoc *lsp_doc_at(Server *s, json_t *params, int *line, int *col) {
  LspDoc *d = lsp_doc(s, params);
  if (!d) return NULL;
  if (lspdoc_position(d, json_object_get(params, "position"), line, col) < 0) {
    lsp_fail(s, ERR_INVALID_PARAMS, "position is missing or not a position");
    return NULL;
  }
  return d;
}

/* ---- methods ---- */

static json_t *lsp_initialize(Server *s, json_t *params) {
  (void)params;
  if (s->state != LSP_STARTING) return lsp_fail(s, ERR_INVALID_REQUEST, "initialized twice");
  s->state = LSP_RUNNING;
  json_t *caps = json_pack(
      "{s:{s:s, s:{s:b, s:i, s:{s:b}}, s:b, s:b, s:b, s:{s:b}, s:{s:[s,s], s:b}, s:b,"
      " s:{s:[s]}}, s:{s:s, s:s}}",
      "capabilities", "positionEncoding", "utf-16", "textDocumentSync", "openClose", 1,
      "change", 2, "save", "includeText", 0, "hoverProvider", 1, "definitionProvider", 1,
      "referencesProvider", 1, "renameProvider", "prepareProvider", 1, "completionProvider",
      "triggerCharacters", ".", "{", "resolveProvider", 0, "documentSymbolProvider", 1,
      "codeActionProvider", "codeActionKinds", "quickfix", "serverInfo", "name", "plc",
      "version", PLC_VERSION);
  /* formatting when plc fmt is in this build */
  if (caps && lspfeat_can_format())
    json_object_set_new(json_object_get(caps, "capabilities"), "documentFormattingProvider",
                        json_true());
  return caps;
}

static json_t *lsp_initialized(Server *s, json_t *params) {
  (void)s, (void)params;
  return NULL;
}

static json_t *lsp_shutdown(Server *s, json_t *params) {
  (void)params;
  s->state = LSP_SHUTTING_DOWN;
  return json_null();
}

static json_t *lsp_exit(Server *s, json_t *params) {
  (void)params;
  s->exit_code = s->state == LSP_SHUTTING_DOWN ? 0 : 1;
  s->done = 1;
  return NULL;
}

static json_t *lsp_did_open(Server *s, json_t *params) {
  const char *uri, *text;
  size_t n;
  if (json_unpack(params, "{s:{s:s, s:s%}}", "textDocument", "uri", &uri, "text", &text, &n) < 0)
    return NULL;
  lspdoc_open(&s->docs, uri, text, n);
  return NULL;
}

static json_t *lsp_did_change(Server *s, json_t *params) {
  const char *uri;
  json_t *changes, *ch;
  size_t i;
  if (json_unpack(params, "{s:{s:s}, s:o}", "textDocument", "uri", &uri, "contentChanges",
                  &changes) < 0 || !json_is_array(changes))
    return NULL;
  LspDoc *d = lspdoc_by_uri(&s->docs, uri);
  if (!d) return NULL;
  /* in order: a change with a range edits the text; one without is the whole text */
  json_array_foreach(changes, i, ch) {
    const char *text;
    size_t n;
    json_t *range = NULL;
    if (json_unpack(ch, "{s:s%, s?o}", "text", &text, &n, "range", &range) < 0) continue;
    if (range) lspdoc_edit(&s->docs, d, range, text, n);
    else lspdoc_change(&s->docs, d, text, n);
  }
  return NULL;
}

static json_t *lsp_did_close(Server *s, json_t *params) {
  const char *uri;
  if (json_unpack(params, "{s:{s:s}}", "textDocument", "uri", &uri) < 0) return NULL;
  LspDoc *d = lspdoc_by_uri(&s->docs, uri);
  if (!d) return NULL;
  lspdoc_close(&s->docs, d);
  /* its diagnostics go with it */
  lsp_notify(s, "textDocument/publishDiagnostics",
             json_pack("{s:s, s:[]}", "uri", uri, "diagnostics"));
  return NULL;
}

static json_t *lsp_did_save(Server *s, json_t *params) {
  (void)params;
  for (int i = 0; i < s->docs.n; i++) s->docs.v[i]->dirty = 1; /* a closed import may differ */
  return NULL;
}

static json_t *lsp_hover(Server *s, json_t *params) {
  int line, col;
  LspDoc *d = lsp_doc_at(s, params, &line, &col);
  return d ? lspfeat_hover(&s->docs, d, line, col) : NULL;
}

static json_t *lsp_definition(Server *s, json_t *params) {
  int line, col;
  LspDoc *d = lsp_doc_at(s, params, &line, &col);
  return d ? lspfeat_definition(&s->docs, d, line, col) : NULL;
}

static json_t *lsp_references(Server *s, json_t *params) {
  int line, col, decl = 1;
  LspDoc *d = lsp_doc_at(s, params, &line, &col);
  if (!d) return NULL;
  json_unpack(params, "{s:{s:b}}", "context", "includeDeclaration", &decl);
  return lspfeat_references(&s->docs, d, line, col, decl);
}

static json_t *lsp_prepare_rename(Server *s, json_t *params) {
  int line, col;
  LspDoc *d = lsp_doc_at(s, params, &line, &col);
  return d ? lspfeat_prepare_rename(&s->docs, d, line, col) : NULL;
}

static json_t *lsp_rename(Server *s, json_t *params) {
  int line, col;
  const char *name, *why = NULL;
  LspDoc *d = lsp_doc_at(s, params, &line, &col);
  if (!d) return NULL;
  if (json_unpack(params, "{s:s}", "newName", &name) < 0)
    return lsp_fail(s, ERR_INVALID_PARAMS, "newName is missing");
  json_t *edit = lspfeat_rename(&s->docs, d, line, col, name, &why);
  return edit ? edit : lsp_fail(s, ERR_REQUEST_FAILED, why);
}

static json_t *lsp_completion(Server *s, json_t *params) {
  int line, col;
  LspDoc *d = lsp_doc_at(s, params, &line, &col);
  return d ? lspfeat_completion(&s->docs, d, line, col) : NULL;
}

static json_t *lsp_symbols(Server *s, json_t *params) {
  LspDoc *d = lsp_doc(s, params);
  return d ? lspfeat_symbols(&s->docs, d) : NULL;
}

static json_t *lsp_formatting(Server *s, json_t *params) {
  const char *why = NULL;
  LspDoc *d = lsp_doc(s, params);
  if (!d) return NULL;
  if (!lspfeat_can_format())
    return lsp_fail(s, ERR_METHOD_NOT_FOUND, "this plc is built without plc fmt");
  json_t *edits = lspfeat_format(&s->docs, d, &why);
  return edits ? edits : lsp_fail(s, ERR_REQUEST_FAILED, why);
}

static json_t *lsp_code_action(Server *s, json_t *params) {
  LspDoc *d = lsp_doc(s, params);
  json_t *diags = NULL;
  if (!d) return NULL;
  json_unpack(params, "{s:{s:o}}", "context", "diagnostics", &diags);
  return lspfeat_code_actions(&s->docs, d, diags);
}

/* X(method, handler, is a request) */
#define LSP_METHODS(X)                                                                     \
  X("initialize", lsp_initialize, 1)                                                       \
  X("initialized", lsp_initialized, 0)                                                     \
  X("shutdown", lsp_shutdown, 1)                                                           \
  X("exit", lsp_exit, 0)                                                                   \
  X("textDocument/didOpen", lsp_did_open, 0)                                               \
  X("textDocument/didChange", lsp_did_change, 0)                                           \
  X("textDocument/didClose", lsp_did_close, 0)                                             \
  X("textDocument/didSave", lsp_did_save, 0)                                               \
  X("textDocument/hover", lsp_hover, 1)                                                    \
  X("textDocument/definition", lsp_definition, 1)                                          \
  X("textDocument/references", lsp_references, 1)                                          \
  X("textDocument/prepareRename", lsp_prepare_rename, 1)                                   \
  X("textDocument/rename", lsp_rename, 1)                                                  \
  X("textDocument/completion", lsp_completion, 1)                                          \
  X("textDocument/documentSymbol", lsp_symbols, 1)                                         \
  X("textDocument/codeAction", lsp_code_action, 1)                                         \
  X("textDocument/formatting", lsp_formatting, 1)

typedef struct Method {
  const char *name;
  json_t *(*run)(Server *s, json_t *params);
  int request;
} Method;

#define LSP_METHOD(name, fn, req) {name, fn, req},
static const Method lsp_methods[] = {LSP_METHODS(LSP_METHOD)};
#undef LSP_METHOD

/* Answer one message. */
static void lsp_handle(Server *s, const char *body, size_t n) {
  json_error_t jerr;
  json_t *msg = json_loadb(body, n, JSON_ALLOW_NUL, &jerr);
  if (!msg) {
    char text[256];
    snprintf(text, sizeof text, "the message is not JSON: %s (at byte %d)", jerr.text,
             jerr.position);
    lsp_error(s, NULL, ERR_PARSE, text);
    return;
  }
  json_t *id = json_object_get(msg, "id");
  const char *method = NULL;
  if (!json_is_object(msg) || json_unpack(msg, "{s:s}", "method", &method) < 0) {
    /* a response to a request we never send, or not a message at all */
    if (json_is_object(msg) && !json_object_get(msg, "method") &&
        (json_object_get(msg, "result") || json_object_get(msg, "error"))) {
      json_decref(msg);
      return;
    }
    lsp_error(s, json_is_object(msg) ? id : NULL, ERR_INVALID_REQUEST,
              "a message needs a method");
    json_decref(msg);
    return;
  }
  if (id && !json_is_string(id) && !json_is_integer(id)) {
    lsp_error(s, NULL, ERR_INVALID_REQUEST, "a request's id is a number or a string");
    json_decref(msg);
    return;
  }
  const Method *m = NULL;
  for (size_t k = 0; k < sizeof lsp_methods / sizeof *lsp_methods && !m; k++)
    if (strcmp(lsp_methods[k].name, method) == 0) m = &lsp_methods[k];
  json_t *params = json_object_get(msg, "params");
  if (!params) params = json_null();
  if (!id) { /* a notification: never answered */
    if (m && !m->request && (s->state == LSP_RUNNING || m->run == lsp_exit)) m->run(s, params);
    json_decref(msg);
    return;
  }
  s->err_code = 0;
  s->err_msg = NULL;
  if (!m || !m->request) {
    char text[256];
    snprintf(text, sizeof text, "unknown method '%.200s'", method);
    lsp_error(s, id, ERR_METHOD_NOT_FOUND, text);
  } else if (s->state == LSP_STARTING && m->run != lsp_initialize) {
    lsp_error(s, id, ERR_NOT_INITIALIZED, "the server is not initialized yet");
  } else if (s->state == LSP_SHUTTING_DOWN) {
    lsp_error(s, id, ERR_INVALID_REQUEST, "the server is shutting down");
  } else {
    json_t *result = m->run(s, params);
    if (s->err_code) lsp_error(s, id, s->err_code, s->err_msg);
    else lsp_respond(s, id, result);
  }
  json_decref(msg);
}

static void lsp_usage(FILE *out) {
  fputs(diag_tr("usage: plc lsp [--stdio]\n"
        "the plan language's server (Language Server Protocol 3.17) on standard input and\n"
        "output, for an editor to start; docs/editors.md tells how to set one up\n"), out);
}

int lsp_main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
      lsp_usage(stdout);
      return 0;
    }
    if (strcmp(argv[i], "--stdio") != 0) {
      fprintf(stderr, diag_tr("plc lsp: unknown option '%s'\n"), argv[i]);
      lsp_usage(stderr);
      return 2;
    }
  }
  mem_init();
  signal(SIGPIPE, SIG_IGN); /* a client that goes away is a failed write, not a kill */
  json_set_alloc_funcs(mem_alloc, mem_free);
  Server s = {.exit_code = 1};
  LspIn in;
  lspio_init(&in, STDIN_FILENO);
  while (!s.done) {
    /* compile when the client pauses, not at every keystroke */
    if (!lspio_ready(&in)) lsp_rebuild(&s);
    char *body = NULL;
    size_t n = 0;
    LspRead r = lspio_read(&in, &body, &n);
    if (r == LSPIO_EOF) break;
    if (r == LSPIO_BAD) {
      lsp_error(&s, NULL, ERR_PARSE, "a message without a usable Content-Length, or too large");
      continue;
    }
    lsp_handle(&s, body, n);
    mem_free(body);
  }
  lspio_free(&in);
  lspdoc_free_all(&s.docs);
  return s.exit_code;
}
