/*
 * test_strbuf.c: the growable buffer (base/strbuf.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/strbuf.h"

/* The invariants every strbuf keeps after every call. */
static void check_invariants(const struct strbuf *sb)
{
	assert_non_null(sb->buf);
	assert_int_equal(sb->buf[sb->len], '\0');
	if (sb->alloc) {
		assert_true(sb->len < sb->alloc);
	} else {
		assert_int_equal(sb->len, 0);
		assert_ptr_equal(sb->buf, strbuf_empty);
	}
}

static void test_init_static(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	check_invariants(&sb);
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.len, 0);
	assert_int_equal(sb.alloc, 0);
	assert_int_equal(sb.max, 0);
	strbuf_release(&sb); /* releasing what owns nothing is fine */
	check_invariants(&sb);
	strbuf_reset(&sb);
	check_invariants(&sb);
	strbuf_adds(&sb, "usable");
	assert_string_equal(sb.buf, "usable");
	check_invariants(&sb);
	strbuf_release(&sb);
	assert_string_equal(strbuf_empty, ""); /* the shared empty string stays empty */
}

static void test_init_hint(void **state)
{
	struct strbuf sb;

	(void)state;
	strbuf_init(&sb, 100);
	assert_true(sb.alloc >= 101);
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");
	check_invariants(&sb);
	strbuf_release(&sb);
	check_invariants(&sb);

	strbuf_init(&sb, 0);
	assert_int_equal(sb.alloc, 0);
	check_invariants(&sb);
}

static void test_add_growth(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char expect[16];
	size_t pos = 0;
	size_t reallocs = 0, alloc = 0;

	(void)state;
	for (int i = 0; i < 20000; i++) {
		int n = snprintf(expect, sizeof(expect), "%d,", i);

		strbuf_add(&sb, expect, (size_t)n);
		if (sb.alloc != alloc) {
			reallocs++;
			alloc = sb.alloc;
		}
	}
	check_invariants(&sb);
	assert_true(reallocs > 5);
	/* the content is exactly what was added, in order */
	for (int i = 0; i < 20000; i++) {
		int n = snprintf(expect, sizeof(expect), "%d,", i);

		assert_memory_equal(sb.buf + pos, expect, (size_t)n);
		pos += (size_t)n;
	}
	assert_int_equal(pos, sb.len);
	assert_int_equal(strlen(sb.buf), sb.len);
	strbuf_release(&sb);
}

static void test_addf_growth(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct strbuf plain = STRBUF_INIT;
	char big[5000];

	(void)state;
	for (int i = 0; i < 5000; i++) {
		char piece[32];

		strbuf_addf(&sb, "[%d:%s]", i, i % 2 ? "odd" : "even");
		snprintf(piece, sizeof(piece), "[%d:%s]", i, i % 2 ? "odd" : "even");
		strbuf_adds(&plain, piece);
		check_invariants(&sb);
	}
	assert_int_equal(sb.len, plain.len);
	assert_string_equal(sb.buf, plain.buf);
	strbuf_release(&sb);

	/* one formatted piece far larger than the allocation */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	strbuf_adds(&sb, "<");
	strbuf_addf(&sb, "%s>%d", big, 42);
	assert_int_equal(sb.len, 1 + strlen(big) + 3);
	assert_int_equal(sb.buf[0], '<');
	assert_string_equal(sb.buf + 1 + strlen(big), ">42");
	check_invariants(&sb);

	/* formatting nothing leaves it alone */
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s", "");
	assert_int_equal(sb.len, 0);
	check_invariants(&sb);
	strbuf_release(&sb);
	strbuf_release(&plain);
}

static void test_addch_addchars(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_addch(&sb, 'a');
	strbuf_addchars(&sb, '-', 5);
	strbuf_addchars(&sb, 'x', 0);
	strbuf_addch(&sb, 'b');
	assert_string_equal(sb.buf, "a-----b");
	assert_int_equal(sb.len, 7);
	strbuf_addchars(&sb, ' ', 1000);
	assert_int_equal(sb.len, 1007);
	assert_int_equal(sb.buf[1006], ' ');
	check_invariants(&sb);
	strbuf_release(&sb);

	/* addchars of 0 on an empty buffer allocates nothing */
	strbuf_addchars(&sb, 'x', 0);
	assert_int_equal(sb.alloc, 0);
	check_invariants(&sb);
}

static void test_add_binary(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	static const char bytes[] = { 'a', '\0', 'b', '\0' };

	(void)state;
	strbuf_add(&sb, bytes, sizeof(bytes));
	assert_int_equal(sb.len, 4);
	assert_memory_equal(sb.buf, bytes, 4);
	assert_int_equal(sb.buf[4], '\0');
	strbuf_add(&sb, "", 0);
	assert_int_equal(sb.len, 4);
	strbuf_release(&sb);
}

static void test_detach(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = 99;
	char *s;

	(void)state;
	strbuf_adds(&sb, "hamstring");
	s = strbuf_detach(&sb, &len);
	assert_string_equal(s, "hamstring");
	assert_int_equal(len, 9);
	free(s);
	/* left empty and reusable */
	check_invariants(&sb);
	assert_int_equal(sb.len, 0);
	assert_int_equal(sb.alloc, 0);
	strbuf_adds(&sb, "calf");
	assert_string_equal(sb.buf, "calf");
	s = strbuf_detach(&sb, NULL);
	assert_string_equal(s, "calf");
	free(s);

	/* detaching a buffer that never grew still gives a string to free */
	s = strbuf_detach(&sb, &len);
	assert_non_null(s);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	assert_ptr_not_equal(s, strbuf_empty);
	free(s);
	check_invariants(&sb);
}

static void test_release_reuse(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	for (int i = 0; i < 3; i++) {
		strbuf_adds(&sb, "some text");
		strbuf_release(&sb);
		check_invariants(&sb);
		assert_int_equal(sb.len, 0);
		assert_int_equal(sb.alloc, 0);
	}
}

static void test_setlen_reset(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	size_t alloc;

	(void)state;
	strbuf_adds(&sb, "piriformis");
	strbuf_setlen(&sb, 4);
	assert_string_equal(sb.buf, "piri");
	assert_int_equal(sb.len, 4);
	/* extend over bytes the caller put in place */
	strbuf_grow(&sb, 10);
	memcpy(sb.buf + sb.len, "form", 4);
	strbuf_setlen(&sb, 8);
	assert_string_equal(sb.buf, "piriform");
	check_invariants(&sb);
	alloc = sb.alloc;
	strbuf_reset(&sb);
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.len, 0);
	assert_int_equal(sb.alloc, alloc); /* the allocation is kept */
	strbuf_release(&sb);
}

static void test_grow(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_grow(&sb, 0);
	check_invariants(&sb);
	strbuf_adds(&sb, "ab");
	strbuf_grow(&sb, 1000);
	assert_true(sb.alloc >= sb.len + 1000 + 1);
	assert_string_equal(sb.buf, "ab"); /* content survives */
	strbuf_release(&sb);
}

static void test_tryadd(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	/* no cap: anything goes */
	assert_true(strbuf_tryadd(&sb, "0123456789abcdef", 16));
	assert_int_equal(sb.len, 16);
	strbuf_release(&sb);

	sb.max = 10;
	assert_true(strbuf_tryadd(&sb, "abcdef", 6));
	assert_false(strbuf_tryadd(&sb, "ghijk", 5)); /* 11 > 10 */
	assert_string_equal(sb.buf, "abcdef");
	assert_int_equal(sb.len, 6);
	assert_true(strbuf_tryadd(&sb, "ghij", 4)); /* exactly 10 */
	assert_string_equal(sb.buf, "abcdefghij");
	assert_false(strbuf_tryadd(&sb, "k", 1));
	assert_true(strbuf_tryadd(&sb, "", 0));
	assert_string_equal(sb.buf, "abcdefghij");
	/* a length that would wrap around is still refused */
	assert_false(strbuf_tryadd(&sb, "x", SIZE_MAX));
	assert_string_equal(sb.buf, "abcdefghij");
	check_invariants(&sb);
	/* release keeps the cap */
	strbuf_release(&sb);
	assert_int_equal(sb.max, 10);
	assert_false(strbuf_tryadd(&sb, "0123456789a", 11));
	assert_int_equal(sb.len, 0);
	assert_true(strbuf_tryadd(&sb, "0123456789", 10));
	strbuf_release(&sb);
	/* the plain adds ignore the cap */
	strbuf_adds(&sb, "0123456789abc");
	assert_int_equal(sb.len, 13);
	strbuf_release(&sb);
}

static void test_rtrim(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_rtrim(&sb); /* empty: nothing to do */
	check_invariants(&sb);

	strbuf_adds(&sb, "  calf \t\r\n\v\f ");
	strbuf_rtrim(&sb);
	assert_string_equal(sb.buf, "  calf");
	assert_int_equal(sb.len, 6);
	strbuf_rtrim(&sb);
	assert_string_equal(sb.buf, "  calf");
	strbuf_reset(&sb);

	strbuf_adds(&sb, "     ");
	strbuf_rtrim(&sb);
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.len, 0);
	check_invariants(&sb);
	strbuf_reset(&sb);

	/* a NUL byte is content, not space */
	strbuf_add(&sb, "x \0", 3);
	strbuf_rtrim(&sb);
	assert_int_equal(sb.len, 3);
	strbuf_reset(&sb);
	strbuf_add(&sb, "x\0 \n", 4);
	strbuf_rtrim(&sb);
	assert_int_equal(sb.len, 2);
	assert_memory_equal(sb.buf, "x\0", 3);
	strbuf_reset(&sb);

	/* non-ASCII bytes are not whitespace */
	strbuf_adds(&sb, "caf\xc3\xa9\xc2\xa0");
	strbuf_rtrim(&sb);
	assert_int_equal(sb.len, 7);
	strbuf_release(&sb);
}

/* Markup escaping: every character that could end text or an attribute
 * becomes an entity, and control characters a space. */
static void test_markup_escaped(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_add_markup_escaped(&sb, "<script>a & \"b\" 'c'</script>\x01\tx\n");
	assert_string_equal(sb.buf,
	                    "&lt;script&gt;a &amp; &quot;b&quot; &#39;c&#39;&lt;/script&gt; \tx\n");
	strbuf_add_markup_escaped(&sb, NULL);
	assert_int_equal(
	        sb.len,
	        strlen("&lt;script&gt;a &amp; &quot;b&quot; &#39;c&#39;&lt;/script&gt; \tx\n"));
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_static),    cmocka_unit_test(test_init_hint),
		cmocka_unit_test(test_add_growth),     cmocka_unit_test(test_addf_growth),
		cmocka_unit_test(test_addch_addchars), cmocka_unit_test(test_add_binary),
		cmocka_unit_test(test_detach),         cmocka_unit_test(test_release_reuse),
		cmocka_unit_test(test_setlen_reset),   cmocka_unit_test(test_grow),
		cmocka_unit_test(test_tryadd),         cmocka_unit_test(test_rtrim),
		cmocka_unit_test(test_markup_escaped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
