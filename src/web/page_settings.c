/*
 * page_settings.c: being written (issue 7).
 */
#include "web/routes.h"

enum err_code web_page_backup(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_page_ics(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_page_export(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_page_settings(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_post_settings_profile(struct web_call *call, struct web_response *resp,
                                        struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}
