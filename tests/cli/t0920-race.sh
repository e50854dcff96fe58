#!/bin/sh
# Being written for issue 5.
. "$(dirname "$0")/lib.sh"
test_done
