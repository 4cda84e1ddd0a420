/* gitread.c: reading plan files from a git revision with git's plumbing: one
   `git rev-parse` per revision to find its commit and the current folder inside the
   repository, then one `git cat-file --batch`, shared by the revisions of a run, that
   hands over every file the loader asks for (the plans and their imports) through a
   pipe. Three child processes for a diff of two revisions cost ~10 ms;
   git itself finds the repository and honours its configuration (worktrees, alternates,
   safe.directory, partial clones), which libgit2 would have to do a second time, and
   there is no library to link. */
#include "gitread.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime/buf.h"
#include "runtime/mem.h"

/* git cat-file --batch, started on the first read, shared by the revisions of one run. */
typedef struct Batch {
  pid_t pid;    /* 0 before it starts */
  FILE *to, *from;
  int refs;
} Batch;

struct GitRev {
  char *rev;    /* the commit, as a full hash */
  char *prefix; /* the current directory inside the repository ("plans/" or "") */
  char *label;
  Batch *batch;
};

/* Run git with args (NULL-terminated), its standard output into out; its exit status, or
   -1 when it could not be run. Its standard error is dropped unless keep_err. */
static int run_git(const char *const *args, Buf *out, int keep_err) {
  int fd[2];
  if (pipe2(fd, O_CLOEXEC) != 0) return -1;
  pid_t pid = fork();
  if (pid < 0) {
    close(fd[0]);
    close(fd[1]);
    return -1;
  }
  if (pid == 0) {
    dup2(fd[1], 1);
    close(fd[0]);
    close(fd[1]);
    if (!keep_err) {
      int null = open("/dev/null", O_WRONLY);
      if (null >= 0) dup2(null, 2);
    }
    execvp("git", (char *const *)args);
    _exit(127);
  }
  close(fd[1]);
  char chunk[1 << 14];
  ssize_t got;
  while ((got = read(fd[0], chunk, sizeof chunk)) != 0) {
    if (got < 0) {
      if (errno == EINTR) continue;
      break;
    }
    buf_addn(out, chunk, (size_t)got);
  }
  close(fd[0]);
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The first line of s, without its newline, as a new string. */
static char *first_line(const char *s) {
  return mem_strndup(s, strcspn(s, "\n"));
}

GitRev *gitread_open(const char *rev, GitRev *share, char *err, size_t errn) {
  Buf out = {0};
  char *spec = mem_printf("%s^{commit}", rev);
  const char *args[] = {"git", "rev-parse", "--show-prefix", "--verify", "--quiet", spec, NULL};
  int rc = run_git(args, &out, 0);
  mem_free(spec);
  /* the prefix line comes first (empty at the top), then the commit */
  const char *text = buf_str(&out), *nl = strchr(text, '\n');
  if (rc != 0 || !nl || strlen(nl + 1) < 7) {
    if (!nl) snprintf(err, errn, "not inside a git repository (git rev-parse failed)");
    else snprintf(err, errn, "'%s' is not a revision of this repository", rev);
    buf_free(&out);
    return NULL;
  }
  GitRev *g = mem_calloc(sizeof *g);
  g->prefix = first_line(text);
  g->rev = first_line(nl + 1);
  g->label = mem_printf("%s (%.7s)", rev, g->rev);
  g->batch = share ? share->batch : mem_calloc(sizeof *g->batch);
  g->batch->refs++;
  buf_free(&out);
  return g;
}

/* Start git cat-file --batch, reading requests from g->to and answering on g->from. */
static int batch_start(Batch *g) {
  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) != 0) return -1;
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in[0]);
    close(in[1]);
    return -1;
  }
  pid_t pid = fork();
  if (pid < 0) {
    close(in[0]), close(in[1]), close(out[0]), close(out[1]);
    return -1;
  }
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    close(in[0]), close(in[1]), close(out[0]), close(out[1]);
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, 2);
    execlp("git", "git", "cat-file", "--batch", (char *)NULL);
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  g->pid = pid;
  g->to = fdopen(in[1], "w");
  g->from = fdopen(out[0], "r");
  return g->to && g->from ? 0 : -1;
}

/* The blob at spec ("<commit>:<path>") through the batch, into out; 0, or -1 with errno
   set (ENOENT when the revision has no such file). */
static int batch_read(Batch *g, const char *spec, Buf *out) {
  if (strchr(spec, '\n') || (!g->pid && batch_start(g) != 0)) {
    errno = strchr(spec, '\n') ? ENOENT : EIO;
    return -1;
  }
  if (!g->to || !g->from || fprintf(g->to, "%s\n", spec) < 0 || fflush(g->to) != 0) {
    errno = EIO;
    return -1;
  }
  char head[512];
  if (!fgets(head, sizeof head, g->from)) {
    errno = EIO;
    return -1;
  }
  char type[32];
  unsigned long size;
  if (sscanf(head, "%*s %31s %lu", type, &size) != 2) { /* "<spec> missing" */
    errno = ENOENT;
    return -1;
  }
  char chunk[1 << 14];
  for (unsigned long left = size; left > 0;) {
    size_t want = left < sizeof chunk ? (size_t)left : sizeof chunk;
    size_t got = fread(chunk, 1, want, g->from);
    if (got == 0) {
      errno = EIO;
      return -1;
    }
    buf_addn(out, chunk, got);
    left -= got;
  }
  fgetc(g->from); /* the newline after the contents */
  if (strcmp(type, "blob") != 0) {
    errno = EISDIR;
    return -1;
  }
  return 0;
}

/* A path inside the repository: the prefix, then path with "." and ".." resolved; NULL
   when it leaves the repository. */
static char *repo_path(const char *prefix, const char *path) {
  char *joined = mem_printf("%s%s", prefix, path);
  Buf b = {0};
  size_t starts[256];
  int depth = 0, ok = 1;
  for (const char *p = joined; *p && ok;) {
    const char *end = strchr(p, '/');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n == 0 || (n == 1 && p[0] == '.')) {
      /* nothing */
    } else if (n == 2 && p[0] == '.' && p[1] == '.') {
      if (depth == 0) ok = 0;
      else {
        b.n = starts[--depth];
        b.s[b.n] = '\0';
      }
    } else if (depth < 256) {
      starts[depth++] = b.n;
      if (b.n) buf_add(&b, "/");
      buf_addn(&b, p, n);
    } else {
      ok = 0;
    }
    p += n + (end ? 1 : 0);
  }
  mem_free(joined);
  if (!ok || b.n == 0) {
    buf_free(&b);
    return NULL;
  }
  return buf_take(&b);
}

static Source *gitread_read(void *ctx, const char *path, char **key) {
  GitRev *g = ctx;
  char *inside = path[0] == '/' ? NULL : repo_path(g->prefix, path);
  if (!inside) {
    errno = ENOENT;
    return NULL;
  }
  char *spec = mem_printf("%s:%s", g->rev, inside);
  mem_free(inside);
  Buf out = {0};
  if (batch_read(g->batch, spec, &out) != 0) {
    int saved = errno;
    buf_free(&out);
    mem_free(spec);
    errno = saved;
    return NULL;
  }
  Source *src = source_from_string(path, out.s ? out.s : "", out.n);
  buf_free(&out);
  *key = spec;
  return src;
}

LoadReader gitread_reader(GitRev *g) {
  return (LoadReader){gitread_read, g};
}

const char *gitread_label(const GitRev *g) {
  return g->label;
}

void gitread_free(GitRev *g) {
  if (!g) return;
  Batch *b = g->batch;
  if (b && --b->refs == 0) {
    if (b->to) fclose(b->to); /* the end of the requests: git exits */
    if (b->from) fclose(b->from);
    if (b->pid > 0)
      while (waitpid(b->pid, NULL, 0) < 0 && errno == EINTR) continue;
    mem_free(b);
  }
  mem_free(g->rev);
  mem_free(g->prefix);
  mem_free(g->label);
  mem_free(g);
}
