/*
 * banned.h: libc calls knead does not use, made into build errors.
 *
 * Each banned name is redefined to an undeclared identifier that says why,
 * so a use fails to compile with a readable message. Every knead file gets
 * it through the compiler's -include flag (see meson.build).
 *
 *   strcpy, strcat, sprintf, vsprintf: unbounded; use strbuf or snprintf.
 *   strncpy, strncat: silently truncate or leave no terminator; use strbuf.
 *   gets: unbounded by design.
 *   strtok: hidden state; split by hand or with strtok_r.
 *   gmtime, localtime, ctime, asctime: shared static buffers; use the _r
 *     variants through base/tz.h.
 *   atoi, atol, atof: no error reporting; use base/parse.h or strtol.
 */
#ifndef KNEAD_BANNED_H
#define KNEAD_BANNED_H

/* The headers that declare (and sometimes define inline) the banned names
 * are read first, so their own definitions are not turned into errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef gets
#define gets(x) BANNED(gets)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef gmtime
#define gmtime(t) BANNED(gmtime)
#undef localtime
#define localtime(t) BANNED(localtime)
#undef ctime
#define ctime(t) BANNED(ctime)
#undef asctime
#define asctime(t) BANNED(asctime)
#undef atoi
#define atoi(s) BANNED(atoi)
#undef atol
#define atol(s) BANNED(atol)
#undef atof
#define atof(s) BANNED(atof)

#endif
