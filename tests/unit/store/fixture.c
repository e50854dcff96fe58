/*
 * fixture.c: scratch folders and databases for the store's tests (see
 * fixture.h).
 */
#include "fixture.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store_athlete.h"

int fixture_setup_folder(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	const char *tmp = getenv("TMPDIR");

	if (!f) {
		return -1;
	}
	snprintf(f->dir, sizeof(f->dir), "%s/knead-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(f->dir)) {
		free(f);
		return -1;
	}
	snprintf(f->db, sizeof(f->db), "%s/knead.db", f->dir);
	*state = f;
	return 0;
}

int fixture_setup_store(void **state)
{
	struct fixture *f;
	struct err err = ERR_INIT;

	if (fixture_setup_folder(state)) {
		return -1;
	}
	f = *state;
	if (store_open(f->db, STORE_WRITE, &f->s, &err) || store_athlete_ensure(f->s, 1, &err) ||
	    store_athlete_ensure(f->s, 2, &err)) {
		fprintf(stderr, "setup: %s\n", err.msg);
		fixture_teardown(state);
		return -1;
	}
	return 0;
}

void fixture_remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;

	if (!d) {
		chmod(path, 0600);
		unlink(path);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		char child[1024];
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
			continue;
		}
		snprintf(child, sizeof(child), "%s/%s", path, e->d_name);
		if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode)) {
			fixture_remove_tree(child);
		} else {
			chmod(child, 0600);
			unlink(child);
		}
	}
	closedir(d);
	rmdir(path);
}

int fixture_teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->s);
	fixture_remove_tree(f->dir);
	free(f);
	return 0;
}
