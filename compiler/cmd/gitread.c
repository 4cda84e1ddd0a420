/* gitread.c: reading plan files from a git revision with git's plumbing. A child process
   per file (git cat-file) costs about a millisecond; a plan and its imports are a few
   files, and git itself finds the repository, honours its configuration (worktrees,
   alternates, safe.directory) and reads packs, which libgit2 would do a second time. */
#include "gitread.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime/buf.h"
#include "runtime/mem.h"

struct GitRev {
  char *rev;    /* the commit, as a full hash */
  char *prefix; /* the current directory inside the repository ("plans/" or "") */
  char *label;
};

/* Run git with args (NULL-terminated), its standard output into out; its exit status, or
   -1 when it could not be run. Its standard error is dropped unless keep_err. */
static int run_git(const char *const *args, Buf *out, int keep_err) {
  int fd[2];
  if (pipe(fd) != 0) return -1;
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

GitRev *gitread_open(const char *rev, char *err, size_t errn) {
  Buf out = {0};
  const char *prefix_args[] = {"git", "rev-parse", "--show-prefix", NULL};
  if (run_git(prefix_args, &out, 0) != 0) {
    snprintf(err, errn, "not inside a git repository (git rev-parse failed)");
    buf_free(&out);
    return NULL;
  }
  GitRev *g = mem_calloc(sizeof *g);
  g->prefix = first_line(buf_str(&out));
  buf_clear(&out);
  char *spec = mem_printf("%s^{commit}", rev);
  const char *verify_args[] = {"git", "rev-parse", "--verify", "--quiet", spec, NULL};
  int rc = run_git(verify_args, &out, 0);
  mem_free(spec);
  if (rc != 0 || out.n < 7) {
    snprintf(err, errn, "'%s' is not a revision of this repository", rev);
    buf_free(&out);
    gitread_free(g);
    return NULL;
  }
  g->rev = first_line(buf_str(&out));
  g->label = mem_printf("%s (%.7s)", rev, g->rev);
  buf_free(&out);
  return g;
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
  const char *args[] = {"git", "cat-file", "blob", spec, NULL};
  int rc = run_git(args, &out, 0);
  if (rc != 0) {
    buf_free(&out);
    mem_free(spec);
    errno = rc < 0 ? EIO : ENOENT;
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
  mem_free(g->rev);
  mem_free(g->prefix);
  mem_free(g->label);
  mem_free(g);
}
