/*
 * test_api.c: every JSON route answers on the demo season with the shape
 * its schema (data/api/NAME.json) declares, and GET /api/v1/ lists them
 * all with those shapes.
 *
 * The schemas use a subset of JSON Schema, checked here: "type" (a name
 * or a list of names), "properties", "required", "items", "enum",
 * "additionalProperties" (false or a schema); "$comment" is free text.
 * Any other keyword in a schema fails the test, so that a schema never
 * says more than is checked.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "base/datafile.h"
#include "base/strbuf.h"
#include "webtest.h"

/* The query each route is asked with where it needs one. */
static const struct {
	const char *path;
	const char *query;
} examples[] = {
	{ "/api/v1/activity", "?id=1" },
};

static const char *example_query(const char *path)
{
	for (size_t i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		if (!strcmp(examples[i].path, path)) {
			return examples[i].query;
		}
	}
	return "";
}

static bool type_is(const char *type, const json_t *v)
{
	if (!strcmp(type, "object")) {
		return json_is_object(v);
	}
	if (!strcmp(type, "array")) {
		return json_is_array(v);
	}
	if (!strcmp(type, "string")) {
		return json_is_string(v);
	}
	if (!strcmp(type, "integer")) {
		return json_is_integer(v);
	}
	if (!strcmp(type, "number")) {
		return json_is_number(v);
	}
	if (!strcmp(type, "boolean")) {
		return json_is_boolean(v);
	}
	if (!strcmp(type, "null")) {
		return json_is_null(v);
	}
	fail_msg("schema: unknown type \"%s\"", type);
	return false;
}

/* Whether v matches schema at where ("$.plan.weeks[0]"); if not, why says
 * where and how. A schema that uses what this checker does not know fails
 * the test. */
static bool check(const char *file, const json_t *schema, const json_t *v, const char *where,
                  struct strbuf *why)
{
	static const char *const known[] = { "$comment", "type", "properties",          "required",
		                             "items",    "enum", "additionalProperties" };
	const char *key;
	json_t *sub;

	if (!json_is_object(schema)) {
		fail_msg("%s: the schema at %s is not an object", file, where);
	}
	json_object_foreach((json_t *)schema, key, sub)
	{
		bool ok = false;

		for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
			ok = ok || !strcmp(key, known[i]);
		}
		if (!ok) {
			fail_msg("%s: unsupported keyword \"%s\" at %s", file, key, where);
		}
	}
	sub = json_object_get(schema, "type");
	if (json_is_string(sub) && !type_is(json_string_value(sub), v)) {
		strbuf_addf(why, "%s: %s is not of type %s", file, where, json_string_value(sub));
		return false;
	}
	if (json_is_array(sub)) {
		size_t i;
		json_t *t;
		bool any = false;

		json_array_foreach(sub, i, t)
		{
			any = any || type_is(json_string_value(t), v);
		}
		if (!any) {
			strbuf_addf(why, "%s: %s has none of the types allowed", file, where);
			return false;
		}
	}
	sub = json_object_get(schema, "enum");
	if (sub) {
		size_t i;
		json_t *e;
		bool any = false;

		json_array_foreach(sub, i, e)
		{
			any = any || json_equal(e, (json_t *)v);
		}
		if (!any) {
			strbuf_addf(why, "%s: %s is not among the values allowed", file, where);
			return false;
		}
	}
	if (json_is_object(v)) {
		json_t *props = json_object_get(schema, "properties");
		json_t *req = json_object_get(schema, "required");
		json_t *extra = json_object_get(schema, "additionalProperties");
		size_t i;
		json_t *r, *value;
		char path[512];

		json_array_foreach(req, i, r)
		{
			if (!json_object_get(v, json_string_value(r))) {
				strbuf_addf(why, "%s: %s lacks \"%s\"", file, where,
				            json_string_value(r));
				return false;
			}
		}
		json_object_foreach((json_t *)v, key, value)
		{
			json_t *p = props ? json_object_get(props, key) : NULL;

			snprintf(path, sizeof(path), "%s.%s", where, key);
			if (p && !check(file, p, value, path, why)) {
				return false;
			}
			if (!p && json_is_false(extra)) {
				strbuf_addf(why, "%s: %s is not declared", file, path);
				return false;
			}
			if (!p && json_is_object(extra) && !check(file, extra, value, path, why)) {
				return false;
			}
		}
	}
	if (json_is_array(v) && json_object_get(schema, "items")) {
		size_t i;
		json_t *item;
		char path[512];

		json_array_foreach((json_t *)v, i, item)
		{
			snprintf(path, sizeof(path), "%s[%zu]", where, i);
			if (!check(file, json_object_get(schema, "items"), item, path, why)) {
				return false;
			}
		}
	}
	return true;
}

static json_t *load_schema(const char *name)
{
	size_t len;
	const char *text = datafile_builtin(name, &len);
	json_error_t e;
	json_t *s = json_loadb(text, len, 0, &e);

	if (!s) {
		fail_msg("%s: %s at line %d", name, e.text, e.line);
	}
	/* a schema that checks nothing is not a declaration */
	if (!json_object_get(s, "type") || !json_object_get(s, "$comment")) {
		fail_msg("%s: give the reply's \"type\" and a \"$comment\" naming the route", name);
	}
	return s;
}

static void test_every_route_matches_its_schema(void **state)
{
	struct webtest *t = *state;
	size_t n = 0;

	for (size_t i = 0; i < web_routes_count; i++) {
		const struct web_route *r = &web_routes[i];
		struct strbuf target = STRBUF_INIT, why = STRBUF_INIT;
		struct web_response resp;
		json_t *schema, *reply;

		if (!r->schema) {
			continue;
		}
		strbuf_addf(&target, "%s%s", r->path, example_query(r->path));
		webtest_get(t, target.buf, &resp);
		if (resp.status != 200) {
			fail_msg("%s: status %d: %.300s", target.buf, resp.status, resp.body.buf);
		}
		assert_string_equal(resp.content_type, "application/json");
		schema = load_schema(r->schema);
		reply = webtest_json(&resp);
		if (!check(r->schema, schema, reply, "$", &why)) {
			fail_msg("%s", why.buf);
		}
		json_decref(reply);
		json_decref(schema);
		web_response_release(&resp);
		strbuf_release(&target);
		strbuf_release(&why);
		n++;
	}
	assert_true(n >= 14);
}

static void test_index_lists_every_route(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;
	json_t *o, *routes, *item;
	size_t i, want = 0;

	webtest_get(t, "/api/v1/", &resp);
	assert_int_equal(resp.status, 200);
	o = webtest_json(&resp);
	routes = json_object_get(o, "routes");
	for (size_t k = 0; k < web_routes_count; k++) {
		want += web_routes[k].schema != NULL;
	}
	assert_int_equal(json_array_size(routes), want);
	json_array_foreach(routes, i, item)
	{
		const struct web_route *r =
		        web_route_find(json_string_value(json_object_get(item, "path")));
		json_t *schema;

		assert_non_null(r);
		schema = load_schema(r->schema);
		assert_true(json_equal(schema, json_object_get(item, "reply")));
		json_decref(schema);
	}
	json_decref(o);
	web_response_release(&resp);
}

/* The checker itself finds a missing required key, a wrong type, a value
 * outside an enum, an undeclared key where none may be added, and a bad
 * item of an array. */
static void test_checker_catches_mismatches(void **state)
{
	static const char *const bad[] = {
		"{\"b\":\"x\"}",
		"{\"a\":1.5}",
		"{\"a\":1,\"b\":\"y\"}",
		"{\"a\":1,\"c\":true}",
		"{\"a\":1,\"l\":[1,\"z\"]}",
	};
	json_t *schema = json_loads("{\"type\":\"object\",\"required\":[\"a\"],"
	                            "\"additionalProperties\":false,\"properties\":{"
	                            "\"a\":{\"type\":\"integer\"},\"b\":{\"enum\":[\"x\"]},"
	                            "\"l\":{\"type\":\"array\",\"items\":{\"type\":\"number\"}}}}",
	                            0, NULL);
	json_t *good = json_loads("{\"a\":1,\"b\":\"x\",\"l\":[1,2.5]}", 0, NULL);
	struct strbuf why = STRBUF_INIT;

	(void)state;
	assert_non_null(schema);
	assert_true(check("inline", schema, good, "$", &why));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		json_t *v = json_loads(bad[i], 0, NULL);

		assert_non_null(v);
		strbuf_reset(&why);
		assert_false(check("inline", schema, v, "$", &why));
		assert_true(why.len > 0);
		json_decref(v);
	}
	strbuf_release(&why);
	json_decref(good);
	json_decref(schema);
}

static int setup(void **state)
{
	*state = webtest_new(true);
	return 0;
}

static int teardown(void **state)
{
	webtest_free(*state);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_checker_catches_mismatches),
		cmocka_unit_test(test_every_route_matches_its_schema),
		cmocka_unit_test(test_index_lists_every_route),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
