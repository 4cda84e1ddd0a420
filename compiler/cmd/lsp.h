/* lsp.h: plc lsp, the language server: the Language Server Protocol 3.17 over stdio. */
#ifndef PLC_LSP_H
#define PLC_LSP_H

/* Serve one client on standard input and output until it says exit or closes stdin;
   0 after a clean shutdown, 1 otherwise. */
int lsp_main(int argc, char **argv);

#endif
