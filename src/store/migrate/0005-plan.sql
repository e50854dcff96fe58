-- 0005: plans and their workouts (being written for issue 5).
SELECT 1;
