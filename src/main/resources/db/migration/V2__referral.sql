-- Contacts and referrals taken at the front door.
create table referral (
    id                     bigserial primary key,
    child_reference        varchar(16)   not null references child (reference),
    received_at            timestamptz   not null,
    source                 varchar(40)   not null,
    concerns               text          not null,
    referrer_name          varchar(200)  not null,
    referrer_organisation  varchar(200),
    referrer_role          varchar(200),
    referrer_phone         varchar(50),
    referrer_email         varchar(200),
    recorded_at            timestamptz   not null,
    recorded_by            varchar(64),
    process_instance_id    varchar(64)   not null
);
create index referral_child on referral (child_reference);
