-- The reference areas cegraph ships: the Merseyside local authorities, their neighbours,
-- and the police forces that cover them (FORMAT.md §1, "Areas").
INSERT INTO area (code, name, area_type, force) VALUES
    ('merseyside', 'Merseyside Police', 'police_force', NULL),
    ('cheshire', 'Cheshire Constabulary', 'police_force', NULL),
    ('lancashire', 'Lancashire Constabulary', 'police_force', NULL),
    ('greater_manchester', 'Greater Manchester Police', 'police_force', NULL),
    ('north_wales', 'North Wales Police', 'police_force', NULL);
INSERT INTO area (code, name, area_type, force) VALUES
    ('E08000012', 'Liverpool', 'local_authority', 'merseyside'),
    ('E08000011', 'Knowsley', 'local_authority', 'merseyside'),
    ('E08000013', 'St Helens', 'local_authority', 'merseyside'),
    ('E08000014', 'Sefton', 'local_authority', 'merseyside'),
    ('E08000015', 'Wirral', 'local_authority', 'merseyside'),
    ('E06000006', 'Halton', 'local_authority', 'cheshire'),
    ('E06000007', 'Warrington', 'local_authority', 'cheshire'),
    ('E06000050', 'Cheshire West and Chester', 'local_authority', 'cheshire'),
    ('E07000127', 'West Lancashire', 'local_authority', 'lancashire'),
    ('E08000010', 'Wigan', 'local_authority', 'greater_manchester'),
    ('E08000003', 'Manchester', 'local_authority', 'greater_manchester'),
    ('W06000005', 'Flintshire', 'local_authority', 'north_wales'),
    ('W06000006', 'Wrexham', 'local_authority', 'north_wales');
