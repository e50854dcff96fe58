/*
 * page_recovery.c: being written (issue 7).
 */
#include "web/routes.h"

enum err_code web_api_effects(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_api_massage(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_api_recovery(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_api_spend(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_post_book(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_page_recovery(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}
