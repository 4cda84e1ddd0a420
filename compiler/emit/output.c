/* output.c: output paths and atomic writes. */
#include "emit/output.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/mem.h"

char *output_path(const char *input, const char *dir, const char *ext) {
  char *copy = mem_strdup(input);
  char *base = basename(copy);
  size_t n = strlen(base);
  if (n > 3 && strcmp(base + n - 3, ".fp") == 0) base[n - 3] = '\0';
  char *dcopy = mem_strdup(input);
  const char *where = dir ? dir : dirname(dcopy);
  char *path = mem_printf("%s/%s%s", where, base, ext);
  mem_free(copy);
  mem_free(dcopy);
  return path;
}

char *output_temp(const char *path, int *fd) {
  char *temp = mem_printf("%s.tmp-XXXXXX", path);
  *fd = mkstemp(temp);
  if (*fd < 0) {
    mem_free(temp);
    return NULL;
  }
  mode_t mask = umask(0); /* mkstemp makes 0600; an output is as readable as any file */
  umask(mask);
  fchmod(*fd, 0666 & ~mask);
  return temp;
}

int output_finish(char *temp, const char *path, int ok, char *err, size_t errn) {
  int rc = -1;
  if (ok) {
    int fd = open(temp, O_RDONLY);
    if (fd >= 0) {
      fsync(fd);
      close(fd);
    }
    rc = rename(temp, path);
    if (rc != 0) snprintf(err, errn, "cannot rename %s to %s: %s", temp, path, strerror(errno));
  }
  if (rc != 0) unlink(temp);
  mem_free(temp);
  return rc;
}

int output_write(const char *path, const char *data, size_t n, char *err, size_t errn) {
  int fd;
  char *temp = output_temp(path, &fd);
  if (!temp) {
    snprintf(err, errn, "cannot create a file beside %s: %s", path, strerror(errno));
    return -1;
  }
  size_t done = 0;
  while (done < n) {
    ssize_t k = write(fd, data + done, n - done);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) break;
    done += (size_t)k;
  }
  int ok = done == n;
  if (close(fd) != 0) ok = 0;
  if (!ok) snprintf(err, errn, "cannot write %s: %s", temp, strerror(errno));
  return output_finish(temp, path, ok, err, errn);
}
