-- 0006: appointments (being written for issue 6).
SELECT 1;
