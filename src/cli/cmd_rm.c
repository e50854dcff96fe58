/*
 * cmd_rm.c: knead rm ID..., removing activities.
 *
 * All the ids are removed in one transaction: if any is unknown, none is.
 */
#include "cli/cli.h"
#include "cli/out.h"
#include "render/text.h"
#include "store/store_activity.h"

struct rm_ctx {
	const int64_t *ids;            /* to remove */
	size_t n_ids;                  /* how many */
	struct activity_list *removed; /* OUT: what they were */
};

static enum err_code remove_all(struct store *s, void *p, struct err *err)
{
	struct rm_ctx *ctx = p;

	for (size_t i = 0; i < ctx->n_ids; i++) {
		struct activity *a = activity_list_push(ctx->removed);

		if (store_activity_get(s, ATHLETE_DEFAULT, ctx->ids[i], a, err) ||
		    store_activity_remove(s, ATHLETE_DEFAULT, ctx->ids[i], err)) {
			return err->code;
		}
	}
	return ERR_OK;
}

int cmd_rm(struct cli *cli, const struct cli_args *args)
{
	struct activity_list removed = ACTIVITY_LIST_INIT;
	struct err err = ERR_INIT;
	int64_t ids[CLI_MAX_POSITIONALS];
	struct rm_ctx ctx = { ids, args->n_pos, &removed };
	enum err_code rc = ERR_OK;

	for (size_t i = 0; i < args->n_pos && !rc; i++) {
		rc = cli_activity_id(args->pos[i], &ids[i], &err);
	}
	if (!rc) {
		rc = cli_profile(cli, &err);
	}
	if (!rc) {
		rc = cli_store(cli, STORE_READ, &err);
	}
	if (!rc) {
		rc = cli_transaction(cli, remove_all, &ctx, &err);
	}
	if (rc) {
		activity_list_release(&removed);
		return cli_fail(cli, &err);
	}
	if (cli->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < removed.n_activities; i++) {
			json_array_append_new(arr, json_integer(removed.activities[i].id));
		}
		out_json(json_pack("{s:o}", "removed", arr));
	} else {
		struct strbuf sb = STRBUF_INIT;

		for (size_t i = 0; i < removed.n_activities; i++) {
			strbuf_addf(&sb, "removed %lld: ", (long long)removed.activities[i].id);
			render_activity_line(&sb, &removed.activities[i], cli->profile.units);
			strbuf_addch(&sb, '\n');
		}
		out_buf(&sb);
		strbuf_release(&sb);
	}
	activity_list_release(&removed);
	return EXIT_OK;
}
