/*
 * fixture.h: a scratch folder and database for the store's unit tests.
 *
 * Each test gets a fresh folder under $TMPDIR (or /tmp) that teardown
 * removes with everything in it, so tests never see each other's data.
 */
#ifndef KNEAD_TEST_STORE_FIXTURE_H
#define KNEAD_TEST_STORE_FIXTURE_H

#include "store/store.h"

struct fixture {
	char dir[512];   /* the scratch folder */
	char db[600];    /* "<dir>/knead.db" */
	struct store *s; /* the open database, or NULL (see the setups) */
};

/* cmocka setup: the folder and the database path, no database yet. */
int fixture_setup_folder(void **state);

/* cmocka setup: the folder and an open database holding athletes 1 and 2. */
int fixture_setup_store(void **state);

/* cmocka teardown for both: close the database, remove the folder. */
int fixture_teardown(void **state);

/* Remove path and everything below it, making read-only files writable. */
void fixture_remove_tree(const char *path);

#endif
