/*
 * bench/import: how fast knead reads watch files, and at what memory cost.
 *
 * Usage: bench/import [--data DIR] [--passes N] [--corpus N[,N...]]
 *
 * Prints, for the real files under DIR (default ../shared/data/activities):
 *  1. decode throughput (MB/s, files read into memory first, the best of
 *     three timed runs of N passes each) for FIT, GPX and TCX: bytes to a
 *     struct recording, as the importer does before deriving and storing;
 *  2. Garmin's official FIT SDK (@garmin/fitsdk, bench/fitsdk.mjs under
 *     node) decoding the same FIT bytes in the same run, and the ratio;
 *  3. end-to-end `knead import` (decode, derive, store) of generated
 *     corpora of distinct activity files (bench/corpus shifts the real
 *     files' timestamps and rewrites their CRCs; default sizes 500, 2000
 *     and 5000): wall time, activities per second, and the child's peak
 *     resident memory, so that memory can be seen not to grow with the
 *     corpus.
 * Figures only; nothing here passes or fails on time.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "core/recording.h"
#include "formats/format.h"

struct file {
	char *path;    /* on disk */
	uint8_t *data; /* its bytes */
	size_t len;    /* their count */
};

struct files {
	struct file *files;
	size_t n_files;
	size_t alloc;
	size_t bytes;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool has_ext(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	return n > e && strcasecmp(name + n - e, ext) == 0;
}

static void load(struct files *fs, const char *path)
{
	FILE *f = fopen(path, "rb");
	struct file *file;
	long len;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fprintf(stderr, "bench: cannot read %s\n", path);
		exit(1);
	}
	xgrow((void **)&fs->files, &fs->alloc, fs->n_files + 1, sizeof(*fs->files));
	file = &fs->files[fs->n_files++];
	file->path = xstrdup(path);
	file->len = (size_t)len;
	file->data = xmalloc(file->len + 1);
	if (fread(file->data, 1, file->len, f) != file->len) {
		fprintf(stderr, "bench: cannot read %s\n", path);
		exit(1);
	}
	fclose(f);
	fs->bytes += file->len;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void walk(struct files *fs, const char *dir, const char *ext)
{
	struct dirent **entries;
	int n = scandir(dir, &entries, NULL, by_name);

	for (int i = 0; i < n; i++) {
		struct strbuf p = STRBUF_INIT;
		struct stat st;

		strbuf_addf(&p, "%s/%s", dir, entries[i]->d_name);
		if (entries[i]->d_name[0] != '.' && stat(p.buf, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				walk(fs, p.buf, ext);
			} else if (has_ext(p.buf, ext)) {
				load(fs, p.buf);
			}
		}
		strbuf_release(&p);
		free(entries[i]);
	}
	free(entries);
}

static void release(struct files *fs)
{
	for (size_t i = 0; i < fs->n_files; i++) {
		free(fs->files[i].path);
		free(fs->files[i].data);
	}
	free(fs->files);
	memset(fs, 0, sizeof(*fs));
}

/* Decode every file passes times; the best of three runs, in MB/s. */
static double decode_rate(const struct files *fs, const struct format *fmt, int passes,
                          size_t *n_records)
{
	double best = 0;

	for (int run = 0; run < 3; run++) {
		double t0 = now(), secs;

		*n_records = 0;
		for (int p = 0; p < passes; p++) {
			for (size_t i = 0; i < fs->n_files; i++) {
				struct recording rec;
				struct err err = ERR_INIT;

				recording_init(&rec);
				rec.format = fmt->source;
				(void)fmt->decode(fs->files[i].data, fs->files[i].len, &rec, &err);
				*n_records += rec.n_records;
				recording_release(&rec);
			}
		}
		secs = now() - t0;
		if ((double)fs->bytes * passes / 1e6 / secs > best) {
			best = (double)fs->bytes * passes / 1e6 / secs;
		}
	}
	*n_records /= (size_t)passes;
	return best;
}

/* Run argv as a child; its wall time and peak resident memory (KB). */
static int run_child(const char *const argv[], const char *out_file, double *secs, long *max_rss_kb)
{
	double t0;
	struct rusage ru;
	int status;
	pid_t pid;

	/* or the child inherits, and prints again, what is still buffered */
	fflush(stdout);
	t0 = now();
	pid = fork();
	if (pid == 0) {
		if ((out_file && !freopen(out_file, "w", stdout)) ||
		    !freopen("/dev/null", "w", stderr)) {
			_exit(127);
		}
		/* POSIX: execvp does not modify its arguments; the type is historical */
		execvp(argv[0], (char *const *)(uintptr_t)argv);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
		return -1;
	}
	*secs = now() - t0;
	*max_rss_kb = ru.ru_maxrss;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* The SDK's MB/s from bench/fitsdk.mjs over the same files; 0 if unavailable. */
static double sdk_rate(const char *bench_dir, const struct files *fs, int passes)
{
	struct strbuf out = STRBUF_INIT, script = STRBUF_INIT, passes_arg = STRBUF_INIT;
	const char **argv = xcalloc(fs->n_files + 4, sizeof(char *));
	double secs, rate = 0;
	long rss;
	FILE *f;
	char line[512];

	strbuf_addf(&out, "/tmp/knead-bench-sdk-%d.json", (int)getpid());
	strbuf_addf(&script, "%s/fitsdk.mjs", bench_dir);
	strbuf_addf(&passes_arg, "%d", passes);
	argv[0] = "node";
	argv[1] = script.buf;
	argv[2] = passes_arg.buf;
	for (size_t i = 0; i < fs->n_files; i++) {
		argv[3 + i] = fs->files[i].path;
	}
	if (run_child(argv, out.buf, &secs, &rss) == 0 && (f = fopen(out.buf, "r"))) {
		if (fgets(line, sizeof(line), f)) {
			const char *p = strstr(line, "\"mb_per_s\":");

			if (p) {
				rate = strtod(p + strlen("\"mb_per_s\":"), NULL);
			}
		}
		fclose(f);
	}
	unlink(out.buf);
	free(argv);
	strbuf_release(&out);
	strbuf_release(&script);
	strbuf_release(&passes_arg);
	return rate;
}

static void end_to_end(const char *build_dir, const char *data_dir, int n)
{
	struct strbuf corpus = STRBUF_INIT, db = STRBUF_INIT, tool = STRBUF_INIT,
	              knead = STRBUF_INIT, n_arg = STRBUF_INIT, out = STRBUF_INIT;
	double secs, gen_secs;
	long rss, gen_rss;
	int rc;

	strbuf_addf(&corpus, "/tmp/knead-bench-corpus-%d-%d", (int)getpid(), n);
	strbuf_addf(&db, "%s.db", corpus.buf);
	strbuf_addf(&tool, "%s/bench/corpus", build_dir);
	strbuf_addf(&knead, "%s/knead", build_dir);
	strbuf_addf(&n_arg, "%d", n);
	strbuf_addf(&out, "%s.out", corpus.buf);
	{
		const char *gen[] = { tool.buf, "-n", n_arg.buf, "-o", corpus.buf, data_dir, NULL };

		rc = run_child(gen, "/dev/null", &gen_secs, &gen_rss);
		if (rc != 0) {
			fprintf(stderr, "bench: %s failed (%d)\n", tool.buf, rc);
			goto done;
		}
	}
	{
		const char *imp[] = { knead.buf, "--db", db.buf, "import", corpus.buf, NULL };

		rc = run_child(imp, out.buf, &secs, &rss);
	}
	{
		/* the activities imported, from knead's closing line */
		FILE *f = fopen(out.buf, "r");
		char line[512];
		long files = 0, activities = 0;

		while (f && fgets(line, sizeof(line), f)) {
			if (sscanf(line, "imported %ld files (%ld activities)", &files,
			           &activities) == 2) {
				break;
			}
		}
		if (f) {
			fclose(f);
		}
		printf("  %5d files  %5ld activities  %6.2f s  %7.0f activities/s  peak memory "
		       "%5.1f "
		       "MB%s\n",
		       n, activities, secs, (double)activities / secs, (double)rss / 1024.0,
		       rc ? "  (knead import FAILED)" : "");
	}
done : {
	struct strbuf cmd = STRBUF_INIT;

	strbuf_addf(&cmd, "rm -rf '%s' '%s' '%s'-wal '%s'-shm '%s'", corpus.buf, db.buf, db.buf,
	            db.buf, out.buf);
	if (system(cmd.buf) != 0) {
		fprintf(stderr, "bench: could not remove %s\n", corpus.buf);
	}
	strbuf_release(&cmd);
}
	strbuf_release(&corpus);
	strbuf_release(&db);
	strbuf_release(&tool);
	strbuf_release(&knead);
	strbuf_release(&n_arg);
	strbuf_release(&out);
}

int main(int argc, char **argv)
{
	const char *data = "../shared/data/activities", *build = "build", *bench_dir = "bench";
	const char *corpora = "500,2000,5000";
	int passes = 5;
	struct {
		const struct format *fmt;
		const char *ext;
	} kinds[] = { { &format_fit, ".fit" }, { &format_gpx, ".gpx" }, { &format_tcx, ".tcx" } };
	double fit_rate = 0;
	struct files fit_files = { 0 };

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--data") == 0 && i + 1 < argc) {
			data = argv[++i];
		} else if (strcmp(argv[i], "--build") == 0 && i + 1 < argc) {
			build = argv[++i];
		} else if (strcmp(argv[i], "--bench") == 0 && i + 1 < argc) {
			bench_dir = argv[++i];
		} else if (strcmp(argv[i], "--passes") == 0 && i + 1 < argc) {
			passes = (int)strtol(argv[++i], NULL, 10);
		} else if (strcmp(argv[i], "--corpus") == 0 && i + 1 < argc) {
			corpora = argv[++i];
		} else {
			fprintf(stderr,
			        "usage: bench/import [--data DIR] [--build DIR] [--bench DIR] "
			        "[--passes N] [--corpus N,N...]\n");
			return 2;
		}
	}
	printf("knead import benchmark: %s\n\n1. decode to a recording (best of 3 runs of %d "
	       "passes, "
	       "files in memory)\n",
	       data, passes);
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		struct files fs = { 0 };
		size_t n_records;
		double rate;

		walk(&fs, data, kinds[k].ext);
		if (!fs.n_files) {
			printf("  %s: no files\n", kinds[k].fmt->name);
			continue;
		}
		rate = decode_rate(&fs, kinds[k].fmt, passes, &n_records);
		printf("  %-4s %4zu files %8.2f MB %9zu records  %8.1f MB/s\n", kinds[k].fmt->name,
		       fs.n_files, (double)fs.bytes / 1e6, n_records, rate);
		if (kinds[k].fmt == &format_fit) {
			fit_rate = rate;
			fit_files = fs;
		} else {
			release(&fs);
		}
	}
	printf("\n2. the official FIT SDK on the same %zu FIT files, same run\n",
	       fit_files.n_files);
	{
		double sdk = fit_files.n_files ? sdk_rate(bench_dir, &fit_files, passes) : 0;

		if (sdk > 0) {
			printf("  @garmin/fitsdk 21.217.0 (default options) %8.2f MB/s\n", sdk);
			printf("  knead FIT decoder                          %8.1f MB/s\n",
			       fit_rate);
			printf("  ratio                                      %8.1f x\n",
			       fit_rate / sdk);
		} else {
			printf("  not measured: run `sh scripts/bootstrap --bench` (node and the "
			       "SDK)\n");
		}
	}
	release(&fit_files);
	printf("\n3. end to end: knead import of generated distinct activities into a new "
	       "database\n");
	for (const char *p = corpora; *p;) {
		int n = (int)strtol(p, NULL, 10);

		if (n > 0) {
			end_to_end(build, data, n);
		}
		p += strcspn(p, ",");
		p += *p == ',';
	}
	return 0;
}
