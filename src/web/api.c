/*
 * api.c: GET /api/v1/, the index of the JSON API: every JSON route with
 * the shape of its reply, read from the schema it declares
 * (data/api/NAME.json, built in). A script can discover the API from
 * here, and the handler tests check each reply against the same schemas.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/bug.h"
#include "base/datafile.h"
#include "web/routes.h"

enum err_code web_api_index(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)err;
	json_t *o = json_object(), *routes = json_array();

	(void)call;
	for (size_t i = 0; i < web_routes_count; i++) {
		const struct web_route *r = &web_routes[i];
		size_t len;
		const char *schema;
		json_error_t je;
		json_t *shape, *entry;

		if (!(r->flags & WEB_JSON) || !r->schema) {
			continue;
		}
		schema = datafile_builtin(r->schema, &len);
		shape = json_loadb(schema, len, 0, &je);
		if (!shape) {
			/* built in and tested: never the runner's doing */
			BUG("built-in %s: %s at line %d", r->schema, je.text, je.line);
		}
		entry = json_pack("{s:s, s:s, s:o}", "path", r->path, "method", "GET", "reply",
		                  shape);
		json_array_append_new(routes, entry);
	}
	json_object_set_new(o, "version", json_integer(1));
	json_object_set_new(o, "routes", routes);
	web_reply_json(resp, o);
	return ERR_OK;
}
