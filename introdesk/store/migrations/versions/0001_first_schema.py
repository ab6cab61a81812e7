"""The first schema: people, organizations, introductions, consents, commitments, events.

Revision ID: 0001
Revises:
Create Date: 2026-11-22

Migration scripts import only sqlalchemy and alembic, never the app's models, so that they keep
describing the schema as it was when they were written.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('connector',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_connector'))
    )
    op.create_table('organization',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_key', sa.String(length=300), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization')),
    sa.UniqueConstraint('name_key', name=op.f('uq_organization_name_key'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('tag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tag')),
    sa.UniqueConstraint('name', name=op.f('uq_tag_name'))
    )
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('linkedin_url', sa.String(length=500), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_person_organization_id_organization'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index('ix_person_name', ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_organization_id'), ['organization_id'], unique=False)

    op.create_table('introduction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('connector_id', sa.Integer(), nullable=False),
    sa.Column('side_a_id', sa.Integer(), nullable=True),
    sa.Column('side_b_id', sa.Integer(), nullable=True),
    sa.Column('purpose', sa.Enum('job_referral', 'hire', 'advice', 'networking', 'business', name='purpose', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('context', sa.Text(), nullable=False),
    sa.Column('blurb', sa.Text(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('draft', 'asking', 'made', 'connected', 'closed', name='intro_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('outcome', sa.Enum('hired', 'met', 'no_fit', 'fizzled', 'declined', 'withdrawn', name='outcome', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('consent_override_reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('made_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('connected_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['connector_id'], ['connector.id'], name=op.f('fk_introduction_connector_id_connector')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_introduction_organization_id_organization'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['side_a_id'], ['person.id'], name=op.f('fk_introduction_side_a_id_person')),
    sa.ForeignKeyConstraint(['side_b_id'], ['person.id'], name=op.f('fk_introduction_side_b_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_introduction'))
    )
    with op.batch_alter_table('introduction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_introduction_connector_id'), ['connector_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_introduction_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_introduction_side_a_id'), ['side_a_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_introduction_side_b_id'), ['side_b_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_introduction_status'), ['status'], unique=False)

    op.create_table('person_email',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_email_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_email'))
    )
    with op.batch_alter_table('person_email', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_email_address'), ['address'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_email_person_id'), ['person_id'], unique=False)

    op.create_table('person_phone',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('label', sa.String(length=64), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_phone_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_phone'))
    )
    with op.batch_alter_table('person_phone', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_phone_person_id'), ['person_id'], unique=False)

    op.create_table('person_tag',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_tag_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tag.id'], name=op.f('fk_person_tag_tag_id_tag'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('person_id', 'tag_id', name=op.f('pk_person_tag'))
    )
    op.create_table('commitment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('intro_id', sa.Integer(), nullable=False),
    sa.Column('owed_by_id', sa.Integer(), nullable=False),
    sa.Column('owed_to_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.Enum('call', 'email', 'reply', 'meet', 'send_blurb', 'attend', name='action', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolution', sa.Enum('kept', 'late', 'withdrew', 'ghosted', 'excused', name='resolution', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['intro_id'], ['introduction.id'], name=op.f('fk_commitment_intro_id_introduction'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owed_by_id'], ['person.id'], name=op.f('fk_commitment_owed_by_id_person')),
    sa.ForeignKeyConstraint(['owed_to_id'], ['person.id'], name=op.f('fk_commitment_owed_to_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitment'))
    )
    with op.batch_alter_table('commitment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitment_intro_id'), ['intro_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitment_owed_by_id'), ['owed_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitment_owed_to_id'), ['owed_to_id'], unique=False)

    op.create_table('consent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('intro_id', sa.Integer(), nullable=False),
    sa.Column('side', sa.Enum('a', 'b', name='side', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.Enum('not_asked', 'asked', 'agreed', 'declined', name='consent_state', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('asked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['intro_id'], ['introduction.id'], name=op.f('fk_consent_intro_id_introduction'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_consent_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent')),
    sa.UniqueConstraint('intro_id', 'side', name='uq_consent_intro_side')
    )
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_person_id'), ['person_id'], unique=False)

    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.Enum('person_added', 'person_edited', 'organization_added', 'organization_edited', 'intro_proposed', 'consent_asked', 'consent_agreed', 'consent_declined', 'intro_made', 'consent_overridden', 'risk_overridden', 'commitment_added', 'commitment_resolved', 'intro_connected', 'intro_closed', 'note', 'person_forgotten', 'demo_loaded', name='event_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('connector_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('other_person_id', sa.Integer(), nullable=True),
    sa.Column('intro_id', sa.Integer(), nullable=True),
    sa.Column('commitment_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitment.id'], name=op.f('fk_event_commitment_id_commitment')),
    sa.ForeignKeyConstraint(['connector_id'], ['connector.id'], name=op.f('fk_event_connector_id_connector')),
    sa.ForeignKeyConstraint(['intro_id'], ['introduction.id'], name=op.f('fk_event_intro_id_introduction')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_event_organization_id_organization')),
    sa.ForeignKeyConstraint(['other_person_id'], ['person.id'], name=op.f('fk_event_other_person_id_person')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_event_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_intro_id'), ['intro_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_other_person_id'), ['other_person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_person_id'))
        batch_op.drop_index(batch_op.f('ix_event_other_person_id'))
        batch_op.drop_index(batch_op.f('ix_event_intro_id'))
        batch_op.drop_index(batch_op.f('ix_event_at'))

    op.drop_table('event')
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_person_id'))

    op.drop_table('consent')
    with op.batch_alter_table('commitment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_owed_to_id'))
        batch_op.drop_index(batch_op.f('ix_commitment_owed_by_id'))
        batch_op.drop_index(batch_op.f('ix_commitment_intro_id'))
        batch_op.drop_index(batch_op.f('ix_commitment_due_at'))

    op.drop_table('commitment')
    op.drop_table('person_tag')
    with op.batch_alter_table('person_phone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_phone_person_id'))

    op.drop_table('person_phone')
    with op.batch_alter_table('person_email', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_email_person_id'))
        batch_op.drop_index(batch_op.f('ix_person_email_address'))

    op.drop_table('person_email')
    with op.batch_alter_table('introduction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_introduction_status'))
        batch_op.drop_index(batch_op.f('ix_introduction_side_b_id'))
        batch_op.drop_index(batch_op.f('ix_introduction_side_a_id'))
        batch_op.drop_index(batch_op.f('ix_introduction_organization_id'))
        batch_op.drop_index(batch_op.f('ix_introduction_connector_id'))

    op.drop_table('introduction')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_organization_id'))
        batch_op.drop_index('ix_person_name')

    op.drop_table('person')
    op.drop_table('tag')
    op.drop_table('setting')
    op.drop_table('organization')
    op.drop_table('connector')
