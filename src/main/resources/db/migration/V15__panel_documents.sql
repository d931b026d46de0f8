-- Papers for panel: the supporting documents (PDF, Word) of a child's booking onto a sitting, kept whole in the
-- database with their size and SHA-256 checksum; and the link from a member of the central list to the CarePath
-- user who signs in as them (the panel member's scope: the children booked on the open sittings they sit on).
alter table panel_member add column user_id varchar(64);
create unique index panel_member_user on panel_member (user_id) where user_id is not null;

create table panel_document (
    id                    bigserial primary key,
    booking_id            bigint        not null references panel_booking (id),
    child_reference       varchar(16)   not null references child (reference),
    -- as given by the uploader, made safe for display and for Content-Disposition (no path, quotes or control characters)
    file_name             varchar(200)  not null,
    -- detected from the content, never from the name or the client's Content-Type: PDF, DOCX or DOC
    document_type         varchar(10)   not null,
    size_bytes            bigint        not null check (size_bytes > 0),
    sha256                char(64)      not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content               bytea         not null,
    title                 varchar(200),
    description           text,
    uploaded_at           timestamptz   not null,
    uploaded_by           varchar(64)   not null,
    check (octet_length(content) = size_bytes)
);
create index panel_document_booking on panel_document (booking_id, id);
create index panel_document_child on panel_document (child_reference);
