/*
 * store_recovery.h: recovery sessions, providers and memberships in the
 * store.
 */
#ifndef KNEAD_STORE_RECOVERY_H
#define KNEAD_STORE_RECOVERY_H

#include <stdint.h>

#include "base/err.h"
#include "core/recovery.h"
#include "store/store.h"

/* Store a new session (validated) with its regions and set r->id. */
enum err_code store_recovery_add(struct store *s, struct recovery *r, struct err *err);

/* Append the athlete's sessions from from to to (inclusive; DATE_NONE for
 * open ends) to out, by day then id, with their regions and provider
 * names. */
enum err_code store_recovery_list(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                                  struct recovery_list *out, struct err *err);

/* Store a new provider (validated) with its memberships; sets the ids. A
 * name already used (in any letter case) is ERR_CONFLICT. */
enum err_code store_provider_add(struct store *s, struct provider *p, struct err *err);

/* Replace the stored provider p->id and its memberships with p's. */
enum err_code store_provider_update(struct store *s, struct provider *p, struct err *err);

/* Append the athlete's providers, by name, with their memberships. */
enum err_code store_provider_list(struct store *s, int64_t athlete_id, struct provider_list *out,
                                  struct err *err);

/* Find a provider by id, name in any letter case or a unique prefix of a
 * name, into *out (initialised here; the caller releases it). Unknown is
 * ERR_NOT_FOUND, ambiguous ERR_INPUT, each naming the providers. */
enum err_code store_provider_find(struct store *s, int64_t athlete_id, const char *key,
                                  struct provider *out, struct err *err);

#endif
