-- Identity rows made before identities were keyed by issuer carry the constant 'google'.
-- Google was the only provider then, and its issuer is https://accounts.google.com; this
-- replaces the adoption the server used to run at every start.
UPDATE user_identities SET issuer = 'https://accounts.google.com' WHERE issuer = 'google';
