/*
 * assets.c: GET /assets/NAME, the files web/assets/ built into the binary
 * (tools/embed, table web_assets). Only names in that table are served;
 * nothing is read from the disk.
 */
#include <string.h>

#include "base/embed.h"
#include "web/routes.h"

extern const struct embed_file web_assets[];
extern const size_t web_assets_count;

/* The content type of a file, by its extension. */
static const char *content_type(const char *name)
{
	const char *dot = strrchr(name, '.');

	if (dot && !strcmp(dot, ".css")) {
		return "text/css; charset=utf-8";
	}
	if (dot && !strcmp(dot, ".js")) {
		return "text/javascript; charset=utf-8";
	}
	if (dot && !strcmp(dot, ".svg")) {
		return "image/svg+xml";
	}
	return "application/octet-stream";
}

enum err_code web_asset(struct web_call *call, struct web_response *resp, struct err *err)
{
	const char *name = call->req->path + strlen("/assets/");

	if (strncmp(call->req->path, "/assets/", strlen("/assets/"))) {
		return err_set(err, ERR_NOT_FOUND, "There is no such file.");
	}
	for (size_t i = 0; i < web_assets_count; i++) {
		if (!strcmp(web_assets[i].name, name)) {
			resp->content_type = content_type(name);
			web_response_header(resp, "Cache-Control", "max-age=3600");
			strbuf_add(&resp->body, web_assets[i].data, web_assets[i].len);
			return ERR_OK;
		}
	}
	return err_set(err, ERR_NOT_FOUND, "There is no such file.");
}
