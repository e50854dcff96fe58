/*
 * page_calendar.c: being written (issue 7).
 */
#include "web/routes.h"

enum err_code web_api_calendar(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_page_calendar(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}

enum err_code web_page_calendar_day(struct web_call *call, struct web_response *resp,
                                    struct err *err)
{
	(void)call;
	(void)resp;
	return err_set(err, ERR_NOT_FOUND, "This page is not built yet.");
}
