/*
 * cmd_body.c: knead regions, sore and wellness: the body catalogue, and
 * how the body feels day to day.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice/logbook.h"
#include "base/datafile.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json.h"
#include "render/json_body.h"
#include "render/table.h"
#include "render/text.h"
#include "store/store_body.h"

/* How far back the listing forms look without --from. */
#define LIST_DAYS 14

static void add_aliases(struct strbuf *sb, const struct region *r)
{
	for (size_t i = 0; i < r->n_aliases; i++) {
		strbuf_addf(sb, "%s%s", i ? ", " : "", r->aliases[i]);
	}
}

static void print_tree(const struct region_catalog *cat, const struct region **only, size_t n)
{
	struct table *t = table_new();
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;

	table_column(t, "region", TABLE_LEFT, 0);
	table_column(t, "code", TABLE_LEFT, 0);
	table_column(t, "sides", TABLE_LEFT, 0);
	table_column(t, "also", TABLE_LEFT, 0);
	for (size_t i = 0; i < (only ? n : cat->n_regions); i++) {
		const struct region *r = only ? only[i] : &cat->regions[i];

		strbuf_addchars(&sb, ' ', only ? 0 : 2 * (size_t)r->depth);
		strbuf_adds(&sb, r->name);
		table_cell_take(t, &sb);
		table_cell(t, r->code);
		table_cell(t, r->sided ? "l/r" : NULL);
		add_aliases(&sb, r);
		table_cell_take(t, &sb);
	}
	table_render(t, &out, out_color_stdout());
	out_buf(&out);
	table_free(t);
	strbuf_release(&out);
	strbuf_release(&sb);
}

static void print_region(const struct region_catalog *cat, const struct region *r)
{
	struct strbuf sb = STRBUF_INIT;
	bool any = false;

	strbuf_addf(&sb, "%s%s%s (%s)%s\n", out_sgr("\033[1m"), r->name, out_sgr("\033[0m"),
	            r->code, r->sided ? ", left and right" : "");
	if (r->about) {
		strbuf_addf(&sb, "  %s\n", r->about);
	}
	if (r->parent >= 0) {
		strbuf_adds(&sb, "  part of: ");
		for (int p = r->parent; p >= 0; p = cat->regions[p].parent) {
			strbuf_addf(&sb, "%s%s", p == r->parent ? "" : ", part of ",
			            cat->regions[p].name);
		}
		strbuf_addch(&sb, '\n');
	}
	for (size_t i = 0; i < cat->n_regions; i++) {
		if (cat->regions[i].parent == (int)(r - cat->regions)) {
			strbuf_addf(&sb, "%s%s", any ? ", " : "  includes: ", cat->regions[i].name);
			any = true;
		}
	}
	if (any) {
		strbuf_addch(&sb, '\n');
	}
	if (r->n_aliases) {
		strbuf_adds(&sb, "  also: ");
		add_aliases(&sb, r);
		strbuf_addch(&sb, '\n');
	}
	out_buf(&sb);
	strbuf_release(&sb);
}

int cmd_regions(struct cli *cli, const struct cli_args *args)
{
	struct err err = ERR_INIT;
	const struct region_catalog *cat = &cli->regions;
	const struct region *exact = NULL, **found = NULL;
	size_t n = 0;
	int status = EXIT_OK;

	if (cli_opt(args, "raw")) {
		struct strbuf text = STRBUF_INIT, origin = STRBUF_INIT;

		if (args->n_pos) {
			err_set(&err, ERR_INPUT, "--raw prints the whole catalogue: give no query");
			return cli_fail(cli, &err);
		}
		if (datafile_read("regions.ini", &text, &origin, &err)) {
			return cli_fail(cli, &err);
		}
		out_buf(&text);
		strbuf_release(&text);
		strbuf_release(&origin);
		return EXIT_OK;
	}
	if (cli_regions(cli, &err)) {
		return cli_fail(cli, &err);
	}
	if (args->n_pos) {
		exact = region_find(cat, args->pos[0]);
		if (!exact) {
			found = xcalloc(cat->n_regions, sizeof(*found));
			n = region_search(cat, args->pos[0], found, cat->n_regions);
			if (n == 0) {
				region_lookup(cat, args->pos[0], &exact, &err);
				err.code = ERR_NOT_FOUND;
				free(found);
				return cli_fail(cli, &err);
			}
		}
	}
	if (cli->json) {
		json_t *arr = json_array();
		size_t total = exact ? 1 : found ? n : cat->n_regions;

		for (size_t i = 0; i < total; i++) {
			const struct region *r = exact   ? exact
			                         : found ? found[i]
			                                 : &cat->regions[i];

			json_array_append_new(arr, render_json_region(cat, r));
		}
		out_json(json_pack("{s:o}", "regions", arr));
	} else if (exact) {
		print_region(cat, exact);
	} else {
		print_tree(cat, found, n);
	}
	free(found);
	return status;
}

/* "hamstring:right 5" with --tight or --pain. */
static enum err_code parse_checkin(struct cli *cli, const struct cli_args *args, struct checkin *c,
                                   struct err *err)
{
	const char *date = cli_opt(args, "date"), *note = cli_opt(args, "note");
	bool tight = cli_opt(args, "tight") != NULL, pain = cli_opt(args, "pain") != NULL;
	struct region_ref ref;
	int level;

	if (args->n_pos != 2) {
		return err_set(err, ERR_INPUT, "give a region and a level: sore hamstring:right 5");
	}
	if (tight && pain) {
		return err_set(err, ERR_INPUT, "--tight or --pain, not both: check in twice");
	}
	if (cli_regions(cli, err) ||
	    region_ref_parse(&cli->regions, args->pos[0], true, &ref, err)) {
		return err->code;
	}
	if (level_parse(args->pos[1], &level, err)) {
		return err->code;
	}
	c->athlete_id = ATHLETE_DEFAULT;
	c->day = cli->today;
	if (date && parse_date(date, cli->today, &c->day, err)) {
		return err_prefix(err, "--date");
	}
	if (c->day > cli->today) {
		return err_set(err, ERR_INPUT, "--date %s is in the future", date);
	}
	memcpy(c->region, ref.region->code, sizeof(c->region));
	c->side = ref.side;
	c->level[tight ? MEASURE_TIGHTNESS : pain ? MEASURE_PAIN : MEASURE_SORENESS] = level;
	if (note && *note) {
		c->note = xstrdup(note);
	}
	return checkin_validate(c, err);
}

struct checkin_write {
	const struct region_catalog *cat;
	struct checkin *c;
	bool merged;
};

static enum err_code write_checkin(struct store *s, void *ctx, struct err *err)
{
	struct checkin_write *w = ctx;

	return store_regions_sync(s, w->cat, err) || store_checkin_put(s, w->c, &w->merged, err)
	               ? err->code
	               : ERR_OK;
}

static void add_levels(struct strbuf *sb, const struct checkin *c)
{
	bool any = false;

	for (int m = 0; m < MEASURE_COUNT; m++) {
		if (c->level[m] >= 0) {
			strbuf_addf(sb, "%s%s %d", any ? ", " : "", measure_name((enum measure)m),
			            c->level[m]);
			any = true;
		}
	}
}

void cli_add_region(struct strbuf *sb, const struct cli *cli, const char *code, int side)
{
	const struct region *r = region_by_code(&cli->regions, code);
	struct region r0;
	struct region_ref ref;

	if (!r) {
		/* a region the runner's catalogue no longer has: its code */
		memset(&r0, 0, sizeof(r0));
		r0.name = (char *)code;
		r = &r0;
	}
	ref.region = r;
	ref.side = (enum side)side;
	region_ref_describe(sb, &ref);
}

void cli_print_checkins(const struct cli *cli, const struct checkin_list *list, const size_t *only,
                        size_t n)
{
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;
	struct table *t = table_new();

	table_column(t, "date", TABLE_LEFT, 0);
	table_column(t, "region", TABLE_LEFT, 0);
	table_column(t, "sore", TABLE_RIGHT, 0);
	table_column(t, "tight", TABLE_RIGHT, 0);
	table_column(t, "pain", TABLE_RIGHT, 0);
	table_column(t, "note", TABLE_LEFT, 40);
	for (size_t i = 0; i < (only ? n : list->n); i++) {
		const struct checkin *c = &list->items[only ? only[i] : i];

		render_day(&sb, c->day);
		table_cell_take(t, &sb);
		cli_add_region(&sb, cli, c->region, c->side);
		table_cell_take(t, &sb);
		for (int m = 0; m < MEASURE_COUNT; m++) {
			if (c->level[m] >= 0) {
				table_cellf(t, "%d", c->level[m]);
			} else {
				table_cell(t, NULL);
			}
		}
		table_cell(t, c->note);
	}
	table_render(t, &out, out_color_stdout());
	out_buf(&out);
	table_free(t);
	strbuf_release(&out);
	strbuf_release(&sb);
}

static int list_checkins(struct cli *cli, const struct cli_args *args)
{
	struct checkin_list list = CHECKIN_LIST_INIT;
	struct err err = ERR_INIT;
	int32_t from, to;

	if (cli_range(cli, args, &from, &to, &err) || cli_regions(cli, &err) ||
	    cli_store(cli, STORE_READ, &err)) {
		return cli_fail(cli, &err);
	}
	if (from == DATE_NONE) {
		from = (to == DATE_NONE ? cli->today : to) - (LIST_DAYS - 1);
	}
	if (store_checkin_list(cli->store, ATHLETE_DEFAULT, from, to, &list, &err)) {
		checkin_list_release(&list);
		return cli_fail(cli, &err);
	}
	if (cli->json) {
		out_json(render_json_checkins(&list));
		checkin_list_release(&list);
		return EXIT_OK;
	}
	if (list.n == 0) {
		fputs("no check-ins in that time ('knead sore REGION LEVEL' adds one)\n", stdout);
		checkin_list_release(&list);
		return EXIT_OK;
	}
	cli_print_checkins(cli, &list, NULL, 0);
	checkin_list_release(&list);
	return EXIT_OK;
}

int cmd_sore(struct cli *cli, const struct cli_args *args)
{
	struct checkin c;
	struct err err = ERR_INIT;
	struct checkin_write w = { &cli->regions, &c, false };
	struct strbuf sb = STRBUF_INIT;
	enum err_code rc;

	if (args->n_pos == 0 && !cli_opt(args, "date") && !cli_opt(args, "note") &&
	    !cli_opt(args, "tight") && !cli_opt(args, "pain")) {
		return cli_profile(cli, &err) ? cli_fail(cli, &err) : list_checkins(cli, args);
	}
	checkin_init(&c);
	rc = cli_profile(cli, &err);
	if (!rc && (cli_opt(args, "from") || cli_opt(args, "to"))) {
		rc = err_set(&err, ERR_INPUT, "--from and --to list check-ins; give no region");
	}
	if (!rc) {
		rc = parse_checkin(cli, args, &c, &err);
	}
	if (!rc) {
		rc = cli_transaction(cli, write_checkin, &w, &err);
	}
	if (rc) {
		checkin_release(&c);
		return cli_fail(cli, &err);
	}
	if (cli->json) {
		out_json(render_json_checkin(&c));
	} else {
		cli_add_region(&sb, cli, c.region, c.side);
		strbuf_adds(&sb, ": ");
		add_levels(&sb, &c);
		strbuf_adds(&sb, " on ");
		render_day(&sb, c.day);
		strbuf_adds(&sb, w.merged ? " (the day's check-in, updated)\n" : "\n");
		out_buf(&sb);
	}
	strbuf_release(&sb);
	checkin_release(&c);
	return EXIT_OK;
}

static enum err_code parse_level_opt(const struct cli_args *args, const char *name, int *out,
                                     struct err *err)
{
	const char *v = cli_opt(args, name);

	if (v && level_parse(v, out, err)) {
		return err_prefix(err, "--%s", name);
	}
	return ERR_OK;
}

static enum err_code parse_wellness(struct cli *cli, const struct cli_args *args,
                                    struct wellness *w, struct err *err)
{
	const char *v;
	long bpm;

	w->athlete_id = ATHLETE_DEFAULT;
	w->day = cli->today;
	if ((v = cli_opt(args, "date")) && parse_date(v, cli->today, &w->day, err)) {
		return err_prefix(err, "--date");
	}
	if (w->day > cli->today) {
		return err_set(err, ERR_INPUT, "--date %s is in the future", v);
	}
	if ((v = cli_opt(args, "sleep")) && logbook_sleep_parse(v, &w->sleep_s, err)) {
		return err_prefix(err, "--sleep");
	}
	if (parse_level_opt(args, "fatigue", &w->fatigue, err) ||
	    parse_level_opt(args, "stress", &w->stress, err) ||
	    parse_level_opt(args, "mood", &w->mood, err)) {
		return err->code;
	}
	if ((v = cli_opt(args, "rhr"))) {
		if (parse_int(v, 25, 120, &bpm, err)) {
			return err_prefix(err, "--rhr");
		}
		w->rest_hr = (int)bpm;
	}
	if ((v = cli_opt(args, "hrv")) && parse_number(v, 1, 300, &w->hrv_ms, err)) {
		return err_prefix(err, "--hrv");
	}
	if ((v = cli_opt(args, "weight")) && logbook_weight_parse(v, &w->weight_kg, err)) {
		return err_prefix(err, "--weight");
	}
	if ((v = cli_opt(args, "note")) && *v) {
		w->note = xstrdup(v);
	}
	return wellness_validate(w, err);
}

static void add_wellness_line(struct strbuf *sb, const struct wellness *w)
{
	size_t start = sb->len;

	if (!isnan(w->sleep_s)) {
		long min = lround(w->sleep_s / 60);

		strbuf_addf(sb, "slept %ldh%02ld", min / 60, min % 60);
	}
	if (w->fatigue >= 0) {
		strbuf_addf(sb, "%sfatigue %d", sb->len > start ? ", " : "", w->fatigue);
	}
	if (w->stress >= 0) {
		strbuf_addf(sb, "%sstress %d", sb->len > start ? ", " : "", w->stress);
	}
	if (w->mood >= 0) {
		strbuf_addf(sb, "%smood %d", sb->len > start ? ", " : "", w->mood);
	}
	if (w->rest_hr > 0) {
		strbuf_addf(sb, "%sresting HR %d", sb->len > start ? ", " : "", w->rest_hr);
	}
	if (!isnan(w->hrv_ms)) {
		strbuf_addf(sb, "%sHRV %.0f ms", sb->len > start ? ", " : "", w->hrv_ms);
	}
	if (!isnan(w->weight_kg)) {
		strbuf_addf(sb, "%s%.1f kg", sb->len > start ? ", " : "", w->weight_kg);
	}
	if (w->note) {
		strbuf_addf(sb, "%s\"%s\"", sb->len > start ? ", " : "", w->note);
	}
}

static enum err_code write_wellness(struct store *s, void *ctx, struct err *err)
{
	bool merged;

	return store_wellness_put(s, ctx, &merged, err);
}

static int list_wellness(struct cli *cli, const struct cli_args *args)
{
	struct wellness_list list = WELLNESS_LIST_INIT;
	struct err err = ERR_INIT;
	struct strbuf out = STRBUF_INIT;
	int32_t from, to;

	if (cli_range(cli, args, &from, &to, &err) || cli_store(cli, STORE_READ, &err)) {
		return cli_fail(cli, &err);
	}
	if (from == DATE_NONE) {
		from = (to == DATE_NONE ? cli->today : to) - (LIST_DAYS - 1);
	}
	if (store_wellness_list(cli->store, ATHLETE_DEFAULT, from, to, &list, &err)) {
		wellness_list_release(&list);
		return cli_fail(cli, &err);
	}
	if (cli->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < list.n; i++) {
			json_array_append_new(arr, render_json_wellness(&list.items[i]));
		}
		out_json(json_pack("{s:o}", "wellness", arr));
	} else if (list.n == 0) {
		fputs("no wellness days in that time ('knead wellness --sleep 7.5' adds one)\n",
		      stdout);
	} else {
		for (size_t i = 0; i < list.n; i++) {
			render_day(&out, list.items[i].day);
			strbuf_adds(&out, "  ");
			add_wellness_line(&out, &list.items[i]);
			strbuf_addch(&out, '\n');
		}
		out_buf(&out);
	}
	strbuf_release(&out);
	wellness_list_release(&list);
	return EXIT_OK;
}

int cmd_wellness(struct cli *cli, const struct cli_args *args)
{
	static const char *const measures[] = { "date", "fatigue", "hrv",    "mood",  "note",
		                                "rhr",  "sleep",   "stress", "weight" };
	struct wellness w;
	struct err err = ERR_INIT;
	struct strbuf sb = STRBUF_INIT;
	bool any = false;
	enum err_code rc;

	for (size_t i = 0; i < sizeof(measures) / sizeof(measures[0]); i++) {
		any |= cli_opt(args, measures[i]) != NULL;
	}
	if (!any) {
		return cli_profile(cli, &err) ? cli_fail(cli, &err) : list_wellness(cli, args);
	}
	wellness_init(&w);
	rc = cli_profile(cli, &err);
	if (!rc && (cli_opt(args, "from") || cli_opt(args, "to"))) {
		rc = err_set(&err, ERR_INPUT, "--from and --to list the days; give no measure");
	}
	if (!rc) {
		rc = parse_wellness(cli, args, &w, &err);
	}
	if (!rc) {
		rc = cli_transaction(cli, write_wellness, &w, &err);
	}
	if (rc) {
		wellness_release(&w);
		return cli_fail(cli, &err);
	}
	if (cli->json) {
		out_json(render_json_wellness(&w));
	} else {
		render_day(&sb, w.day);
		strbuf_adds(&sb, ": ");
		add_wellness_line(&sb, &w);
		strbuf_addch(&sb, '\n');
		out_buf(&sb);
	}
	strbuf_release(&sb);
	wellness_release(&w);
	return EXIT_OK;
}
