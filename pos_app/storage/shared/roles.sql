-- Rights on the shared journal (pos_app.storage.shared), for the database's owner to run
-- once after the app's migrations created the tables, and again after each migration
-- (it only adds what is missing). Two group roles, no login of their own:
--
--   pos_counter      what every counter's login is a member of: adds its own shop's rows
--                    and reads its own shop's rows, nothing else;
--   pos_head_office  reads every shop's rows, nothing else.
--
-- Which shop a login belongs to is a row of pos_shared.login, which only the owner can
-- change: a login cannot name its shop itself (a role setting could be SET by the login).
-- Row-level security on pos_shared.journal_row compares each row's shop with it, and no
-- one is granted UPDATE, DELETE or TRUNCATE (a trigger refuses them for the owner too).
--
-- Then one login per counter (a stolen counter PC is shut out alone):
--
--   CREATE ROLE counter_0001_1 LOGIN PASSWORD '…' IN ROLE pos_counter;
--   INSERT INTO pos_shared.login (login, shop_uuid) VALUES ('counter_0001_1', '<shop uuid>');
--
-- and for head office:
--
--   CREATE ROLE head_office_audit LOGIN PASSWORD '…' IN ROLE pos_head_office;
--   INSERT INTO pos_shared.login (login, head_office) VALUES ('head_office_audit', true);

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pos_counter') THEN
        CREATE ROLE pos_counter NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pos_head_office') THEN
        CREATE ROLE pos_head_office NOLOGIN;
    END IF;
END $$;

-- Nothing by default: only what is granted below.
REVOKE ALL ON SCHEMA pos_shared FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA pos_shared FROM PUBLIC;

GRANT USAGE ON SCHEMA pos_shared TO pos_counter, pos_head_office;
GRANT SELECT ON pos_shared.schema_migration TO pos_counter, pos_head_office;
GRANT SELECT, INSERT ON pos_shared.journal_row TO pos_counter;
GRANT SELECT ON pos_shared.journal_row TO pos_head_office;
