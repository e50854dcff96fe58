/*
 * table.h: text tables with aligned columns, for terminals.
 *
 * Cells are UTF-8; widths count characters, not bytes, so "Lilly's
 * Pégasus" lines up. Control characters in cells (a newline in a note)
 * print as spaces. A column may have a maximum width; longer cells end
 * in "…". Rendering appends to a strbuf; printing is the face's job.
 */
#ifndef KNEAD_TABLE_H
#define KNEAD_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"

enum table_align {
	TABLE_LEFT,
	TABLE_RIGHT,
};

struct table;

/* A new empty table; free it with table_free. */
struct table *table_new(void);
void table_free(struct table *t);

/* Add a column with a heading ("" for none), an alignment, and a maximum
 * width in characters (0 for none) that binds the heading as well. Columns
 * come before any cell. */
void table_column(struct table *t, const char *heading, enum table_align align, size_t max);

/* Fill the next cell, left to right; a row ends after its last column.
 * NULL is an empty cell. */
void table_cell(struct table *t, const char *text);
__attribute__((format(printf, 2, 3))) void table_cellf(struct table *t, const char *fmt, ...);

/* Fill the next cell with sb's content and empty sb for the next one. */
void table_cell_take(struct table *t, struct strbuf *sb);

/* Put a blank line before the next row (to set totals apart). */
void table_gap(struct table *t);

/* Rows added so far. */
size_t table_rows(const struct table *t);

/* Append the table: a heading line (bold when bold is true, and only if a
 * printed column has a heading), then the rows, columns two spaces apart, no trailing
 * spaces. Columns that are empty in every row are left out, heading and
 * all. */
void table_render(const struct table *t, struct strbuf *out, bool bold);

#endif
