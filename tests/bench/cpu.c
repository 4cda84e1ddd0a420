/* cpu.c: the bench's clock: run a command and write its CPU seconds (user + system, to the
   microsecond), peak resident KB and page faults (major + minor) to a file, from wait4's
   rusage; exits with the command's status. */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fputs("usage: bench_cpu OUT CMD [ARG]...\n", stderr);
    return 2;
  }
  pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    perror(argv[2]);
    _exit(127);
  }
  int status;
  struct rusage u;
  if (wait4(pid, &status, 0, &u) < 0) {
    perror("wait4");
    return 2;
  }
  FILE *out = fopen(argv[1], "w");
  if (!out) {
    perror(argv[1]);
    return 2;
  }
  fprintf(out, "%.6f %ld %ld\n",
          (double)(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
              (double)(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6,
          u.ru_maxrss, u.ru_majflt + u.ru_minflt);
  fclose(out);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}
