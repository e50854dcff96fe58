/*
 * test_table.c: aligned text tables (render/table.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "render/table.h"

/* Render t (plain) and compare with want; also check that no line ends in
 * a space. Frees t. */
static void check_render(struct table *t, bool bold, const char *want)
{
	struct strbuf out = STRBUF_INIT;

	table_render(t, &out, bold);
	if (strcmp(out.buf, want) != 0) {
		fail_msg("got:\n%s\nexpected:\n%s", out.buf, want);
	}
	for (size_t i = 0; i < out.len; i++) {
		if (out.buf[i] == '\n' && i > 0 && out.buf[i - 1] == ' ') {
			fail_msg("trailing space before byte %zu in:\n%s", i, out.buf);
		}
	}
	strbuf_release(&out);
	table_free(t);
}

static void test_alignment(void **state)
{
	struct table *t = table_new();

	(void)state;
	table_column(t, "Day", TABLE_LEFT, 0);
	table_column(t, "Km", TABLE_RIGHT, 0);
	table_column(t, "Sport", TABLE_LEFT, 0);
	table_cell(t, "Sat");
	table_cell(t, "8.00");
	table_cell(t, "run");
	table_cell(t, "Sun");
	table_cell(t, "21.10");
	table_cell(t, "trail");
	assert_int_equal(table_rows(t), 2);
	check_render(t, false,
	             "Day     Km  Sport\n"
	             "Sat   8.00  run\n"
	             "Sun  21.10  trail\n");
}

static void test_utf8_width(void **state)
{
	struct table *t = table_new();

	(void)state;
	table_column(t, "Gear", TABLE_LEFT, 0);
	table_column(t, "Km", TABLE_RIGHT, 0);
	table_cell(t, "Pégasus");
	table_cell(t, "812");
	table_cell(t, "Pegasus");
	table_cell(t, "5");
	table_cell(t, "Ünïcödé");
	table_cell(t, "10");
	check_render(t, false,
	             "Gear      Km\n"
	             "Pégasus  812\n"
	             "Pegasus    5\n"
	             "Ünïcödé   10\n");
}

static void test_control_characters(void **state)
{
	struct table *t = table_new();

	(void)state;
	table_column(t, "Note", TABLE_LEFT, 0);
	table_column(t, "N", TABLE_RIGHT, 0);
	table_cell(t, "a\nb\tc\x1b");
	table_cell(t, "1");
	table_cell(t, "d\x7f");
	table_cell(t, "2");
	check_render(t, false,
	             "Note    N\n"
	             "a b c   1\n"
	             "d       2\n");
}

static void test_max_width(void **state)
{
	struct table *t = table_new();

	(void)state;
	table_column(t, "Note", TABLE_LEFT, 5);
	table_column(t, "Km", TABLE_RIGHT, 0);
	table_cell(t, "Hamstrings");
	table_cell(t, "8");
	table_cell(t, "Calf");
	table_cell(t, "10");
	table_cell(t, "abcde");
	table_cell(t, "3");
	table_cell(t, "Pégasus");
	table_cell(t, "4");
	check_render(t, false,
	             "Note   Km\n"
	             "Hams…   8\n"
	             "Calf   10\n"
	             "abcde   3\n"
	             "Péga…   4\n");
}

static void test_max_width_right(void **state)
{
	struct table *t = table_new();

	(void)state;
	table_column(t, "", TABLE_RIGHT, 3);
	table_column(t, "", TABLE_LEFT, 0);
	table_cell(t, "12345");
	table_cell(t, "x");
	table_cell(t, "1");
	table_cell(t, "y");
	check_render(t, false,
	             "12…  x\n"
	             "  1  y\n");
}

static void test_empty_columns_omitted(void **state)
{
	struct table *t = table_new();

	(void)state;
	table_column(t, "Day", TABLE_LEFT, 0);
	table_column(t, "HR", TABLE_RIGHT, 0);
	table_column(t, "Km", TABLE_RIGHT, 0);
	table_column(t, "Note", TABLE_LEFT, 0);
	table_cell(t, "Sat");
	table_cell(t, NULL);
	table_cell(t, "8.00");
	table_cell(t, "");
	table_cell(t, "Sun");
	table_cell(t, "");
	table_cell(t, "5.00");
	table_cell(t, NULL);
	check_render(t, false,
	             "Day    Km\n"
	             "Sat  8.00\n"
	             "Sun  5.00\n");
}

/* Regression: a heading longer than its column's maximum width was clipped
 * ("Desc…") yet still widened the column. The maximum binds the heading. */
static void test_heading_longer_than_max(void **state)
{
	struct table *t;

	(void)state;
	t = table_new();
	table_column(t, "Description", TABLE_LEFT, 5);
	table_column(t, "Km", TABLE_RIGHT, 0);
	table_cell(t, "abc");
	table_cell(t, "8");
	table_cell(t, "abcdefgh");
	table_cell(t, "9");
	check_render(t, false,
	             "Desc…  Km\n"
	             "abc     8\n"
	             "abcd…   9\n");
}

static void test_no_trailing_spaces(void **state)
{
	struct table *t = table_new();

	(void)state;
	table_column(t, "Day", TABLE_LEFT, 0);
	table_column(t, "Note", TABLE_LEFT, 0);
	table_cell(t, "Sat");
	table_cell(t, "a long note");
	table_cell(t, "Sun");
	table_cell(t, "");
	table_cell(t, "Mon");
	table_cell(t, "end  ");
	check_render(t, false,
	             "Day  Note\n"
	             "Sat  a long note\n"
	             "Sun\n"
	             "Mon  end\n");
}

static void test_gap(void **state)
{
	struct table *t = table_new();

	(void)state;
	table_column(t, "Sport", TABLE_LEFT, 0);
	table_column(t, "Km", TABLE_RIGHT, 0);
	table_cell(t, "run");
	table_cell(t, "8.00");
	table_cell(t, "bike");
	table_cell(t, "40.00");
	table_gap(t);
	table_cellf(t, "%s", "total");
	table_cellf(t, "%.2f", 48.0);
	assert_int_equal(table_rows(t), 3);
	check_render(t, false,
	             "Sport     Km\n"
	             "run     8.00\n"
	             "bike   40.00\n"
	             "\n"
	             "total  48.00\n");
}

static void test_bold_heading(void **state)
{
	struct table *t = table_new();

	(void)state;
	table_column(t, "Day", TABLE_LEFT, 0);
	table_column(t, "Km", TABLE_RIGHT, 0);
	table_cell(t, "Sat");
	table_cell(t, "8.00");
	check_render(t, true,
	             "\033[1mDay    Km\033[0m\n"
	             "Sat  8.00\n");

	/* no heading at all: no heading line, bold or not */
	t = table_new();
	table_column(t, "", TABLE_LEFT, 0);
	table_column(t, "", TABLE_RIGHT, 0);
	table_cell(t, "Sat");
	table_cell(t, "8.00");
	check_render(t, true, "Sat  8.00\n");
}

static void test_short_last_row(void **state)
{
	struct table *t = table_new();

	(void)state;
	table_column(t, "A", TABLE_LEFT, 0);
	table_column(t, "B", TABLE_RIGHT, 0);
	table_cell(t, "x");
	table_cell(t, "1");
	table_cell(t, "y"); /* the row stops here */
	assert_int_equal(table_rows(t), 2);
	check_render(t, false,
	             "A  B\n"
	             "x  1\n"
	             "y\n");
}

static void test_empty_tables(void **state)
{
	struct table *t = table_new();

	(void)state;
	assert_int_equal(table_rows(t), 0);
	check_render(t, true, "");
	table_free(NULL);
}

/* Regression: a table whose columns are all empty printed an empty heading
 * line ("\n", or "\033[1m\033[0m\n" when bold) instead of nothing. */
static void test_headings_without_rows(void **state)
{
	struct table *t;

	(void)state;
	t = table_new();
	table_column(t, "Day", TABLE_LEFT, 0);
	table_column(t, "Km", TABLE_RIGHT, 0);
	assert_int_equal(table_rows(t), 0);
	check_render(t, false, "");
	t = table_new();
	table_column(t, "Day", TABLE_LEFT, 0);
	table_cell(t, "");
	check_render(t, true, "\n");
}

static void test_many_rows(void **state)
{
	struct table *t = table_new();
	struct strbuf out = STRBUF_INIT;
	size_t lines = 0;

	(void)state;
	table_column(t, "N", TABLE_RIGHT, 0);
	for (int i = 0; i < 1000; i++) {
		table_cellf(t, "%d", i);
	}
	assert_int_equal(table_rows(t), 1000);
	table_render(t, &out, false);
	for (size_t i = 0; i < out.len; i++) {
		lines += out.buf[i] == '\n';
	}
	assert_int_equal(lines, 1001);
	assert_non_null(strstr(out.buf, "\n  0\n  1\n"));
	assert_non_null(strstr(out.buf, "\n999\n"));
	strbuf_release(&out);
	table_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_utf8_width),
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test(test_max_width),
		cmocka_unit_test(test_max_width_right),
		cmocka_unit_test(test_empty_columns_omitted),
		cmocka_unit_test(test_heading_longer_than_max),
		cmocka_unit_test(test_no_trailing_spaces),
		cmocka_unit_test(test_gap),
		cmocka_unit_test(test_bold_heading),
		cmocka_unit_test(test_short_last_row),
		cmocka_unit_test(test_empty_tables),
		cmocka_unit_test(test_headings_without_rows),
		cmocka_unit_test(test_many_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
