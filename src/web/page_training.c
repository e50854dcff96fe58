/*
 * page_training.c: being written (issue 7).
 */
#include "web/routes.h"

enum err_code web_api_load(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_api_plan(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_api_predict(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_api_races(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_page_training(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}
