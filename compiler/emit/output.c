/* output.c: output paths, and the outputs of one run replaced together (output.h). */
#include "emit/output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/mem.h"
#include "syntax/diag.h"

/* The private folder's name: STEM + this + six characters from mkdtemp. */
#define OUTPUT_PRIVATE ".plc.tmp-"

char *output_stem(const char *input) {
  char *copy = mem_strdup(input);
  char *base = basename(copy);
  size_t n = strlen(base);
  if (n > 3 && strcmp(base + n - 3, ".fp") == 0) base[n - 3] = '\0';
  char *stem = mem_strdup(base);
  mem_free(copy);
  return stem;
}

char *output_dir(const char *input, const char *dir) {
  if (dir) return mem_strdup(dir);
  char *copy = mem_strdup(input);
  char *d = mem_strdup(dirname(copy));
  mem_free(copy);
  return d;
}

char *output_path(const char *input, const char *dir, const char *ext) {
  char *stem = output_stem(input), *where = output_dir(input, dir);
  char *path = mem_printf("%s/%s%s", where, stem, ext);
  mem_free(stem);
  mem_free(where);
  return path;
}

int output_mkdir(const char *dir, char *err, size_t errn) {
  struct stat st;
  if (stat(dir, &st) == 0) {
    if (S_ISDIR(st.st_mode)) return 0;
    snprintf(err, errn,
             diag_tr("cannot use %s as the output folder: it is a file, not a folder"), dir);
    return -1;
  }
  char *path = mem_strdup(dir);
  int rc = 0;
  /* each prefix in turn: a/b/c makes a, a/b, a/b/c as needed (mkdir -p) */
  for (char *p = path + 1;; p++) {
    if (*p != '/' && *p != '\0') continue;
    char c = *p;
    *p = '\0';
    if (mkdir(path, 0777) != 0 && errno != EEXIST) {
      snprintf(err, errn, diag_tr("cannot create the output folder %s: %s"), path, strerror(errno));
      rc = -1;
    } else if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
      snprintf(err, errn, diag_tr("cannot create the output folder %s: %s is a file, not a folder"),
               dir, path);
      rc = -1;
    }
    *p = c;
    if (rc != 0 || c == '\0') break;
  }
  mem_free(path);
  return rc;
}

/* Whether name is a temporary of an output of stem: STEM.*.tmp-XXXXXX. */
static int output_is_temp(const char *name, const char *stem) {
  size_t n = strlen(stem);
  if (strncmp(name, stem, n) != 0 || name[n] != '.') return 0;
  const char *t = strstr(name + n, ".tmp-");
  if (!t) return 0;
  const char *x = t + 5;
  if (strlen(x) != 6) return 0;
  for (; *x; x++)
    if (!(*x >= 'a' && *x <= 'z') && !(*x >= 'A' && *x <= 'Z') && !(*x >= '0' && *x <= '9'))
      return 0;
  return 1;
}

/* Remove the folder name in dirfd with the files in it, unless a live run holds it. */
static int output_remove_private(int dirfd, const char *name) {
  int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return 0;
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) { /* its run is alive */
    close(fd);
    return 0;
  }
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return 0;
  }
  for (struct dirent *e; (e = readdir(d));)
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
      unlinkat(fd, e->d_name, 0);
  int removed = unlinkat(dirfd, name, AT_REMOVEDIR) == 0;
  closedir(d); /* closes fd, and so the lock */
  return removed;
}

int output_clean_stale(const char *dir, const char *stem) {
  int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirfd < 0) return 0;
  DIR *d = fdopendir(dup(dirfd));
  int removed = 0;
  for (struct dirent *e; d && (e = readdir(d));) {
    if (!output_is_temp(e->d_name, stem)) continue;
    struct stat st;
    if (fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || st.st_uid != geteuid())
      continue; /* only what this user's runs made */
    if (S_ISDIR(st.st_mode)) removed += output_remove_private(dirfd, e->d_name);
    else removed += unlinkat(dirfd, e->d_name, 0) == 0;
  }
  if (d) closedir(d);
  close(dirfd);
  return removed;
}

struct Outputs {
  char *dir;       /* the output folder */
  int dirfd;
  char *private;   /* the private folder's name in dir */
  int privfd;      /* open, and locked while the run lives */
  char **names;    /* the outputs' names in dir */
  char **staged;   /* their paths in the private folder: through /proc/self/fd/N when
                      there is a /proc, so that a name swapped in the output folder can
                      never redirect a write (libxlsxwriter opens its file by name) */
  char *via;       /* the private folder as staged paths start: /proc/self/fd/N or its path */
  int n, cap;
};

Outputs *output_begin(const char *dir, const char *stem, char *err, size_t errn) {
  Outputs *o = mem_calloc(sizeof *o);
  if (errn) *err = '\0';
  o->dir = mem_strdup(dir);
  o->privfd = -1;
  o->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (o->dirfd < 0) {
    snprintf(err, errn, diag_tr("cannot open the output folder %s: %s"), dir, strerror(errno));
    output_abort(o);
    return NULL;
  }
  output_clean_stale(dir, stem);
  char *path = mem_printf("%s/%s" OUTPUT_PRIVATE "XXXXXX", dir, stem);
  for (int attempt = 0; attempt < 3 && o->privfd < 0; attempt++) {
    strcpy(path + strlen(path) - 6, "XXXXXX");
    if (!mkdtemp(path)) {
      snprintf(err, errn, diag_tr("cannot create a private folder in %s: %s"), dir,
               strerror(errno));
      break;
    }
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    /* another run's cleaning may have taken it between mkdtemp and the lock: once locked
       and still linked, it is ours */
    if (fd >= 0 && flock(fd, LOCK_EX) == 0 && fstat(fd, &st) == 0 && st.st_nlink > 0) {
      o->privfd = fd;
    } else if (fd >= 0) {
      close(fd);
    }
  }
  if (o->privfd < 0) {
    if (!*err) snprintf(err, errn, diag_tr("cannot create a private folder in %s"), dir);
    mem_free(path);
    output_abort(o);
    return NULL;
  }
  o->private = mem_strdup(path + strlen(dir) + 1);
  char *proc = mem_printf("/proc/self/fd/%d", o->privfd);
  struct stat a, b;
  if (stat(proc, &a) == 0 && fstat(o->privfd, &b) == 0 && a.st_ino == b.st_ino &&
      a.st_dev == b.st_dev) {
    o->via = proc;
    mem_free(path);
  } else {
    o->via = path;
    mem_free(proc);
  }
  return o;
}

const char *output_stage(Outputs *o, const char *name) {
  if (o->n == o->cap) {
    o->cap = o->cap ? 2 * o->cap : 4;
    o->names = mem_realloc(o->names, (size_t)o->cap * sizeof *o->names);
    o->staged = mem_realloc(o->staged, (size_t)o->cap * sizeof *o->staged);
  }
  o->names[o->n] = mem_strdup(name);
  o->staged[o->n] = mem_printf("%s/%s", o->via, name);
  return o->staged[o->n++];
}

int output_stage_data(Outputs *o, const char *name, const char *data, size_t n, char *err,
                      size_t errn) {
  output_stage(o, name);
  int fd = openat(o->privfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) {
    snprintf(err, errn, diag_tr("cannot create %s in %s/%s: %s"), name, o->dir, o->private,
             strerror(errno));
    return -1;
  }
  size_t done = 0;
  while (done < n) {
    ssize_t k = write(fd, data + done, n - done);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) break;
    done += (size_t)k;
  }
  int saved = done == n ? 0 : errno ? errno : ENOSPC;
  if (close(fd) != 0 && !saved) saved = errno;
  if (saved) {
    snprintf(err, errn, diag_tr("cannot write %s in %s/%s: %s"), name, o->dir, o->private,
             strerror(saved));
    return -1;
  }
  return 0;
}

/* Free o and everything it holds; the private folder is removed with what is left in it. */
static void output_free(Outputs *o) {
  if (o->privfd >= 0) {
    for (int i = 0; i < o->n; i++) {
      unlinkat(o->privfd, o->names[i], 0);
      char old[32];
      snprintf(old, sizeof old, "old.%d", i);
      unlinkat(o->privfd, old, 0);
    }
    unlinkat(o->dirfd, o->private, AT_REMOVEDIR);
    close(o->privfd);
  }
  if (o->dirfd >= 0) close(o->dirfd);
  for (int i = 0; i < o->n; i++) {
    mem_free(o->names[i]);
    mem_free(o->staged[i]);
  }
  mem_free(o->names);
  mem_free(o->staged);
  mem_free(o->private);
  mem_free(o->via);
  mem_free(o->dir);
  mem_free(o);
}

void output_abort(Outputs *o) {
  output_free(o);
}

int output_commit(Outputs *o, char *err, size_t errn) {
  int rc = 0;
  /* every staged file on disk, and no output name taken by a folder, before any rename */
  for (int i = 0; i < o->n && rc == 0; i++) {
    int fd = openat(o->privfd, o->names[i], O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 || fsync(fd) != 0) {
      snprintf(err, errn, diag_tr("cannot write %s in %s/%s: %s"), o->names[i], o->dir, o->private,
               strerror(errno));
      rc = -1;
    }
    if (fd >= 0) close(fd);
    struct stat st;
    if (rc == 0 && fstatat(o->dirfd, o->names[i], &st, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISDIR(st.st_mode)) {
      snprintf(err, errn, diag_tr("cannot rename %s/%s/%s to %s/%s: %s"), o->dir, o->private,
               o->names[i], o->dir, o->names[i], strerror(EISDIR));
      rc = -1;
    }
  }
  /* the old outputs kept as hard links in the private folder, to put back on a failure */
  char *had_old = mem_calloc((size_t)o->n + 1);
  for (int i = 0; i < o->n && rc == 0; i++) {
    char old[32];
    snprintf(old, sizeof old, "old.%d", i);
    had_old[i] = linkat(o->dirfd, o->names[i], o->privfd, old, 0) == 0;
  }
  int moved = 0;
  for (; rc == 0 && moved < o->n; moved++) {
    if (renameat(o->privfd, o->names[moved], o->dirfd, o->names[moved]) != 0) {
      snprintf(err, errn, diag_tr("cannot rename %s/%s/%s to %s/%s: %s"), o->dir, o->private,
               o->names[moved], o->dir, o->names[moved], strerror(errno));
      rc = -1;
      break;
    }
  }
  if (rc != 0) { /* put back what was there */
    for (int j = 0; j < moved; j++) {
      char old[32];
      snprintf(old, sizeof old, "old.%d", j);
      if (had_old[j]) renameat(o->privfd, old, o->dirfd, o->names[j]);
      else unlinkat(o->dirfd, o->names[j], 0);
    }
  }
  if (moved > 0 && fsync(o->dirfd) != 0 && rc == 0) {
    snprintf(err, errn, diag_tr("cannot sync the folder %s: %s"), o->dir, strerror(errno));
    rc = -1;
  }
  mem_free(had_old);
  output_free(o);
  return rc;
}

int output_write(const char *path, const char *data, size_t n, char *err, size_t errn) {
  char *copy = mem_strdup(path), *dcopy = mem_strdup(path);
  const char *name = basename(copy), *dir = dirname(dcopy);
  *err = '\0';
  Outputs *o = output_begin(dir, name, err, errn);
  int rc = -1;
  if (o) {
    if (output_stage_data(o, name, data, n, err, errn) == 0) rc = output_commit(o, err, errn);
    else output_abort(o);
  }
  mem_free(copy);
  mem_free(dcopy);
  return rc;
}
