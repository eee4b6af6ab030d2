-- The areas, for the query snapshot: local authorities with their force, and forces.
SELECT code, name, area_type, force
FROM area
ORDER BY code;
