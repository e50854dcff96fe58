/*
 * rules.c: the advisor's rulebook (see rules.h).
 *
 * The file is INI as inih reads it for the region catalogue and the plan
 * templates ('[rule]' sections, `key = value` or `key: value`, ';' and
 * '#' comments, a ';' after a space ends a value), but read here line by
 * line: an override must name the line of every bad entry, not only the
 * first, which inih's handler cannot know, and a rule's source is often
 * longer than the 200 characters inih's line buffer holds.
 */
#include "advice/rules.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/bug.h"
#include "base/datafile.h"
#include "base/xalloc.h"

/* No window or threshold is sensibly larger: a typo, not a setting. */
#define RULES_MAX_VALUE 100000.0

struct rparse {
	struct rulebook *rb;
	const char *origin;
	int line; /* the line being read, from 1 */
	/* parse: the first error, in err; override: every problem, in rb->warnings */
	bool override;
	bool failed;
	struct err *err;
	/* whether a [section] has started, and the rule it names (NULL in an
	 * override for an unknown one, whose lines are then skipped) */
	bool in_section;
	struct rule *current;
	/* override: the line each parameter was last set on (0: not set),
	 * parallel to the rules' params, to name it if a pair ends inverted */
	int **set_line;
};

__attribute__((format(printf, 2, 3))) static void problem(struct rparse *p, const char *fmt, ...)
{
	struct strbuf msg = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	if (p->override) {
		strbuf_addf(&p->rb->warnings, "%s:%d: %s\n", p->origin, p->line, msg.buf);
	} else if (!p->failed) {
		p->failed = true;
		err_set(p->err, ERR_FORMAT, "%s:%d: %s", p->origin, p->line, msg.buf);
	}
	strbuf_release(&msg);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Trim [*s, *e) of spaces at both ends. */
static void trim(const char **s, const char **e)
{
	while (*s < *e && is_space(**s)) {
		(*s)++;
	}
	while (*e > *s && is_space((*e)[-1])) {
		(*e)--;
	}
}

/* Cut [s, *e) at a comment: a ';' at its start or after a space. */
static void cut_comment(const char *s, const char **e)
{
	for (const char *c = s; c < *e; c++) {
		if (*c == ';' && (c == s || is_space(c[-1]))) {
			*e = c;
			return;
		}
	}
}

typedef void (*section_fn)(struct rparse *p, const char *name);
typedef void (*value_fn)(struct rparse *p, const char *key, const char *value);

/* Call on_section and on_value for each line of text, with p->line set;
 * report the lines that are neither. */
static void walk(struct rparse *p, const char *text, section_fn on_section, value_fn on_value)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	const char *line = text;

	/* a UTF-8 byte-order mark, as inih allows */
	if (strncmp(line, "\xEF\xBB\xBF", 3) == 0) {
		line += 3;
	}
	for (p->line = 1; *line; p->line++) {
		const char *end = strchr(line, '\n'), *next, *s = line, *e, *sep;

		end = end ? end : line + strlen(line);
		next = *end ? end + 1 : end;
		e = end;
		trim(&s, &e);
		line = next;
		if (s == e || *s == ';' || *s == '#') {
			continue;
		}
		cut_comment(s, &e);
		trim(&s, &e);
		strbuf_reset(&a);
		strbuf_reset(&b);
		if (*s == '[') {
			const char *close = memchr(s, ']', (size_t)(e - s));

			if (!close) {
				problem(p, "%s", "a section header needs its ']'");
				continue;
			}
			s++;
			e = close;
			trim(&s, &e);
			strbuf_add(&a, s, (size_t)(e - s));
			on_section(p, a.buf);
			continue;
		}
		sep = s;
		while (sep < e && *sep != '=' && *sep != ':') {
			sep++;
		}
		if (sep == e) {
			problem(p, "%s", "not 'key = value', '[rule]' or a ';' comment");
			continue;
		}
		if (sep == s) {
			problem(p, "no key before the '%c'", *sep);
			continue;
		}
		{
			const char *ks = s, *ke = sep, *vs = sep + 1, *ve = e;

			trim(&ks, &ke);
			trim(&vs, &ve);
			strbuf_add(&a, ks, (size_t)(ke - ks));
			strbuf_add(&b, vs, (size_t)(ve - vs));
		}
		if (!p->in_section) {
			problem(p, "'%s' comes before any [rule]", a.buf);
			continue;
		}
		on_value(p, a.buf, b.buf);
	}
	strbuf_release(&a);
	strbuf_release(&b);
}

static bool valid_id(const char *id)
{
	size_t n = strlen(id);

	if (n == 0 || n > 39 || id[0] == '-') {
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		char c = id[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
			return false;
		}
	}
	return true;
}

static bool valid_key(const char *key)
{
	size_t n = strlen(key);

	if (n == 0 || n > 39) {
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		char c = key[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
			return false;
		}
	}
	return true;
}

/* A day count is whole: "_days" keys and "days" itself. */
static bool is_days_key(const char *key)
{
	size_t n = strlen(key);

	return strcmp(key, "days") == 0 || (n > 5 && strcmp(key + n - 5, "_days") == 0);
}

/* Whether s is a plain decimal: an optional '-', digits, at most one
 * '.' between digits. strtod alone would take hex, exponents, "inf" and
 * "nan", none of which a runner means. */
static bool plain_decimal(const char *s)
{
	bool point = false;
	int digits = 0;

	if (*s == '-') {
		s++;
	}
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			digits++;
		} else if (*s == '.' && !point && digits > 0 && s[1] >= '0' && s[1] <= '9') {
			point = true;
		} else {
			return false;
		}
	}
	return digits > 0 && digits <= 15;
}

/* Parse value as a parameter of key; NULL on success, else why not.
 * strtod rounds correctly ("0.3" is the double nearest 0.3, as a literal
 * in C is); knead never sets a locale, so its decimal point is '.'. */
static const char *parse_value(const char *key, const char *value, double *out)
{
	double v;

	if (!plain_decimal(value)) {
		return "is not a number";
	}
	v = strtod(value, NULL);
	if (v < 0 || v > RULES_MAX_VALUE) {
		return "is out of range (0 to 100000)";
	}
	if (is_days_key(key) && v != floor(v)) {
		return "is not a whole number of days";
	}
	*out = v;
	return NULL;
}

/* yes/no; -1 for anything else. */
static int parse_bool(const char *value)
{
	if (strcmp(value, "yes") == 0 || strcmp(value, "true") == 0 || strcmp(value, "on") == 0 ||
	    strcmp(value, "1") == 0) {
		return 1;
	}
	if (strcmp(value, "no") == 0 || strcmp(value, "false") == 0 || strcmp(value, "off") == 0 ||
	    strcmp(value, "0") == 0) {
		return 0;
	}
	return -1;
}

static struct rule *find_rule(struct rulebook *rb, const char *id)
{
	for (size_t i = 0; i < rb->n_rules; i++) {
		if (strcmp(rb->rules[i].id, id) == 0) {
			return &rb->rules[i];
		}
	}
	return NULL;
}

static struct rule_param *find_param(const struct rule *r, const char *key)
{
	for (size_t i = 0; i < r->n_params; i++) {
		if (strcmp(r->params[i].key, key) == 0) {
			return &r->params[i];
		}
	}
	return NULL;
}

static bool is_text_key(const char *key)
{
	return strcmp(key, "title") == 0 || strcmp(key, "reason") == 0 ||
	       strcmp(key, "source") == 0;
}

/* ---- the built-in file ---- */

static struct rule *start_rule(struct rparse *p, const char *id)
{
	struct rulebook *rb = p->rb;
	struct rule *r;

	rb->rules = xreallocarray(rb->rules, rb->n_rules + 1, sizeof(*rb->rules));
	r = &rb->rules[rb->n_rules++];
	memset(r, 0, sizeof(*r));
	r->id = xstrdup(id);
	r->enabled = true;
	return r;
}

static void set_text(struct rparse *p, char **field, const char *key, const char *value)
{
	if (*field) {
		problem(p, "[%s] %s: given twice", p->current->id, key);
	} else if (!*value) {
		problem(p, "[%s] %s: empty", p->current->id, key);
	} else {
		*field = xstrdup(value);
	}
}

static void builtin_section(struct rparse *p, const char *id)
{
	if (p->failed) {
		return; /* the first problem is the one reported */
	}
	if (!valid_id(id)) {
		problem(p, "[%s]: a rule id is 1 to 39 of a-z, 0-9 and '-'", id);
	} else if (find_rule(p->rb, id)) {
		problem(p, "[%s]: this rule appears twice", id);
	} else {
		p->in_section = true;
		p->current = start_rule(p, id);
	}
}

static void builtin_value(struct rparse *p, const char *key, const char *value)
{
	struct rule *r = p->current;
	const char *why;
	double v = 0;
	int b;

	if (p->failed) {
		return;
	}
	if (strcmp(key, "title") == 0) {
		set_text(p, &r->title, key, value);
	} else if (strcmp(key, "reason") == 0) {
		set_text(p, &r->reason, key, value);
	} else if (strcmp(key, "source") == 0) {
		set_text(p, &r->source, key, value);
	} else if (strcmp(key, "enabled") == 0) {
		b = parse_bool(value);
		if (b < 0) {
			problem(p, "[%s] enabled: '%s' is not yes or no", r->id, value);
		} else {
			r->enabled = b;
		}
	} else if (!valid_key(key)) {
		problem(p, "[%s] '%s': a key is 1 to 39 of a-z, 0-9 and '_'", r->id, key);
	} else if (find_param(r, key)) {
		problem(p, "[%s] %s: given twice", r->id, key);
	} else if ((why = parse_value(key, value, &v)) != NULL) {
		problem(p, "[%s] %s: '%s' %s", r->id, key, value, why);
	} else {
		r->params = xreallocarray(r->params, r->n_params + 1, sizeof(*r->params));
		r->params[r->n_params].key = xstrdup(key);
		r->params[r->n_params].value = v;
		r->n_params++;
	}
}

/* The upper bound's key for a lower bound's: "to_days" for "from_days",
 * "rest_to_days" for "rest_from_days", "max_x" for "min_x", in upper;
 * false if key is no lower bound. */
static bool upper_key(const char *key, struct strbuf *upper)
{
	const char *s = key;
	bool swapped = false;

	strbuf_reset(upper);
	for (;;) {
		const char *e = strchr(s, '_');
		size_t n = e ? (size_t)(e - s) : strlen(s);

		if (!swapped && n == 4 && strncmp(s, "from", 4) == 0) {
			strbuf_adds(upper, "to");
			swapped = true;
		} else if (!swapped && n == 3 && strncmp(s, "min", 3) == 0) {
			strbuf_adds(upper, "max");
			swapped = true;
		} else {
			strbuf_add(upper, s, n);
		}
		if (!e) {
			break;
		}
		strbuf_addch(upper, '_');
		s = e + 1;
	}
	return swapped;
}

/* The next window of r, from *start on, whose lower bound (from_x, min_x)
 * is above its upper one (to_x, max_x): true with them in *lo and *hi. */
static bool find_inverted(const struct rule *r, size_t *start, const struct rule_param **lo,
                          const struct rule_param **hi)
{
	struct strbuf upper = STRBUF_INIT;
	bool found = false;

	for (; *start < r->n_params && !found; (*start)++) {
		const struct rule_param *q;

		if (!upper_key(r->params[*start].key, &upper)) {
			continue;
		}
		q = find_param(r, upper.buf);
		if (q && r->params[*start].value > q->value) {
			*lo = &r->params[*start];
			*hi = q;
			found = true;
		}
	}
	strbuf_release(&upper);
	return found;
}

static enum err_code check_builtin(struct rulebook *rb, const char *origin, struct err *err)
{
	if (rb->n_rules == 0) {
		return err_set(err, ERR_FORMAT, "%s: no rules", origin);
	}
	for (size_t i = 0; i < rb->n_rules; i++) {
		const struct rule *r = &rb->rules[i];
		const struct rule_param *lo, *hi;
		size_t start = 0;

		if (!r->title || !r->reason || !r->source) {
			return err_set(err, ERR_FORMAT,
			               "%s: [%s]: needs a title, a reason and a source", origin,
			               r->id);
		}
		if (find_inverted(r, &start, &lo, &hi)) {
			return err_set(err, ERR_FORMAT, "%s: [%s]: %s %g is above %s %g", origin,
			               r->id, lo->key, lo->value, hi->key, hi->value);
		}
	}
	return ERR_OK;
}

enum err_code rulebook_parse(struct rulebook *rb, const char *text, const char *origin,
                             struct err *err)
{
	struct rparse p;
	enum err_code rc = ERR_OK;

	memset(&p, 0, sizeof(p));
	p.rb = rb;
	p.origin = origin;
	p.err = err;
	walk(&p, text, builtin_section, builtin_value);
	if (p.failed) {
		rc = ERR_FORMAT;
	} else {
		rc = check_builtin(rb, origin, err);
	}
	if (rc) {
		rulebook_release(rb);
	}
	return rc;
}

/* ---- the runner's override ---- */

static void override_section(struct rparse *p, const char *id)
{
	p->in_section = true;
	p->current = find_rule(p->rb, id);
	if (!p->current) {
		problem(p, "[%s]: no such rule; its settings are ignored", id);
	}
}

static void override_value(struct rparse *p, const char *key, const char *value)
{
	struct rule *r = p->current;
	struct rule_param *q;
	const char *why;
	double v = 0;
	int b;

	if (!r) {
		return; /* reported once, at its [section] */
	}
	if (strcmp(key, "enabled") == 0) {
		b = parse_bool(value);
		if (b < 0) {
			problem(p, "[%s] enabled: '%s' is not yes or no; the rule stays %s", r->id,
			        value, r->enabled ? "on" : "off");
		} else {
			r->enabled = b;
		}
	} else if (is_text_key(key)) {
		problem(p, "[%s] %s: only numbers and 'enabled' can be changed", r->id, key);
	} else if ((q = find_param(r, key)) == NULL) {
		problem(p, "[%s] %s: no such setting; it is ignored", r->id, key);
	} else if ((why = parse_value(key, value, &v)) != NULL) {
		problem(p, "[%s] %s: '%s' %s; it stays %g", r->id, key, value, why, q->value);
	} else {
		q->value = v;
		p->set_line[r - p->rb->rules][q - r->params] = p->line;
	}
}

void rulebook_override(struct rulebook *rb, const char *text, const char *origin)
{
	struct rparse p;
	double **before = xcalloc(rb->n_rules ? rb->n_rules : 1, sizeof(*before));

	memset(&p, 0, sizeof(p));
	p.rb = rb;
	p.origin = origin;
	p.override = true;
	p.set_line = xcalloc(rb->n_rules ? rb->n_rules : 1, sizeof(*p.set_line));
	for (size_t i = 0; i < rb->n_rules; i++) {
		const struct rule *r = &rb->rules[i];

		p.set_line[i] = xcalloc(r->n_params ? r->n_params : 1, sizeof(int));
		before[i] = xcalloc(r->n_params ? r->n_params : 1, sizeof(double));
		for (size_t j = 0; j < r->n_params; j++) {
			before[i][j] = r->params[j].value;
		}
	}
	walk(&p, text, override_section, override_value);

	/* Values fine one by one can together invert a window (from_days
	 * after to_days); the pair then goes back to what it was. */
	for (size_t i = 0; i < rb->n_rules; i++) {
		struct rule *r = &rb->rules[i];
		const struct rule_param *lo, *hi;
		size_t start = 0;

		while (find_inverted(r, &start, &lo, &hi)) {
			size_t a = (size_t)(lo - r->params), b = (size_t)(hi - r->params);
			int line = p.set_line[i][a] > p.set_line[i][b] ? p.set_line[i][a]
			                                               : p.set_line[i][b];

			strbuf_addf(&rb->warnings,
			            "%s:%d: [%s] %s %g is above %s %g; both stay %g and %g\n",
			            origin, line, r->id, lo->key, lo->value, hi->key, hi->value,
			            before[i][a], before[i][b]);
			r->params[a].value = before[i][a];
			r->params[b].value = before[i][b];
		}
	}
	for (size_t i = 0; i < rb->n_rules; i++) {
		free(p.set_line[i]);
		free(before[i]);
	}
	free(p.set_line);
	free(before);
}

enum err_code rulebook_load(struct rulebook *rb, struct err *err)
{
	struct strbuf text = STRBUF_INIT, origin = STRBUF_INIT;
	bool found = false;
	enum err_code rc;

	rc = rulebook_parse(rb, datafile_builtin("rules.ini", NULL), "built-in rules.ini", err);
	if (!rc) {
		rc = datafile_read_override("rules.ini", &text, &origin, &found, err);
	}
	if (!rc && found) {
		rulebook_override(rb, text.buf, origin.buf);
	}
	if (rc) {
		rulebook_release(rb);
	}
	strbuf_release(&text);
	strbuf_release(&origin);
	return rc;
}

void rulebook_release(struct rulebook *rb)
{
	for (size_t i = 0; i < rb->n_rules; i++) {
		struct rule *r = &rb->rules[i];

		free(r->id);
		free(r->title);
		free(r->reason);
		free(r->source);
		for (size_t j = 0; j < r->n_params; j++) {
			free(r->params[j].key);
		}
		free(r->params);
	}
	free(rb->rules);
	strbuf_release(&rb->warnings);
	*rb = (struct rulebook)RULEBOOK_INIT;
}

const struct rule *rulebook_get(const struct rulebook *rb, const char *id)
{
	for (size_t i = 0; i < rb->n_rules; i++) {
		if (strcmp(rb->rules[i].id, id) == 0) {
			return &rb->rules[i];
		}
	}
	BUG("no rule '%s' in the rulebook", id);
}

double rule_param(const struct rule *r, const char *key)
{
	const struct rule_param *q = find_param(r, key);

	if (!q) {
		BUG("rule '%s' has no parameter '%s'", r->id, key);
	}
	return q->value;
}

double rules_param(const struct rulebook *rb, const char *id, const char *key)
{
	return rule_param(rulebook_get(rb, id), key);
}

bool rules_enabled(const struct rulebook *rb, const char *id)
{
	return rulebook_get(rb, id)->enabled;
}
