#!/bin/sh
# Being written for issue 6.
. "$(dirname "$0")/lib.sh"
test_done
