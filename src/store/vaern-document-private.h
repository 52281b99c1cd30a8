/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "core/vaern-risk-scale.h"
#include "vaern-db-sqlite.h"
#include "vaern-document.h"

G_BEGIN_DECLS

/* How long a connection waits for a lock another holds. */
#define DOC_BUSY_TIMEOUT_MS 1500

/* The document object and the plumbing its parts share. The document is
 * written in one file per thing it keeps:
 *   vaern-document.c               the object: open, close, save a copy; the lists
 *   vaern-document-db.c            the database plumbing (statements, errors)
 *   vaern-document-migrate.c       migrations, the audit triggers, the schema check
 *   vaern-document-history.c       edits as change sets, the change log, undo and redo
 *   vaern-document-organisation.c  the organisation and its logo
 *   vaern-document-register.c      the register: assets (systems) and units
 *   vaern-document-people.c        people, roles, assignments, hand-over
 *   vaern-document-risks.c         the risk scale, threats and risks
 *   vaern-document-soa.c           the Annex A catalogue and the SoA's versions
 *   vaern-document-approvals.c     ISMS documents and management's approvals
 *   vaern-document-wheel.c         the annual wheel
 *   vaern-document-dump.c          the content as a whole (export, import)
 * They all reach the database through the helpers below. */

typedef struct
{
  gint64  change_set;
  char   *label;
} UndoStep;

struct _VaernDocument
{
  GObject     parent_instance;

  VaernDb    *db;          /* the seam: SQLite or PostgreSQL */
  char       *path;
  gboolean    read_only;
  gboolean    disconnected; /* a server's connection lost, until it is back */
  GSource    *notify_watch;  /* watches the server's socket for others' changes */
  gboolean    watching;      /* vaern_document_watch_server() was asked for */
  VaernAccess access;       /* the login's group, as last asked (a file: admin) */
  GHashTable *statements;   /* SQL text → VaernDbStmt */

  char       *organisation;
  char       *cvr;

  GListStore *assets;
  GListStore *people;
  GListStore *units;
  GListStore *roles;
  GListStore *threats;
  GListStore *risks;
  gboolean    risks_loaded; /* the risks list is read on first use */
  gint64      refresh_set;  /* the change set the lists must follow, or 0: all */

  VaernRiskScale *scale;      /* the document's risk scale */

  GListStore *soa_versions;
  GListStore *soa_entries;
  GListStore *isms_documents;
  GListStore *approvals;
  GListStore *activities;
  gboolean    activities_loaded; /* read on first use, like the risks */

  /* The change set being written, or 0 when edits are not logged. */
  gint64      change_set;
  gboolean    audit;
  guint       batch_depth;
  GError     *batch_error;  /* what ended the batch's transaction, if anything did */
  GError     *load_error;   /* the first query of a list that failed, kept for the caller */

  gboolean    file_known;   /* the file the connection opened, to notice its replacement */
  guint64     file_dev;
  guint64     file_ino;

  char       *snapshot_dir; /* the temporary copy's folder, for a snapshot */

  GArray     *undo_stack;   /* UndoStep */
  GArray     *redo_stack;   /* UndoStep */
};


/* The database plumbing (vaern-document-db.c) */
/* The connection's last error as the store's error. */
G_GNUC_INTERNAL void          doc_set_db_error     (VaernDocument *self,
                                                    GError       **error);
G_GNUC_INTERNAL gboolean      doc_exec             (VaernDocument *self,
                                                    const char    *sql,
                                                    GError       **error);
/* The text for the open backend, where SQLite's and PostgreSQL's differ:
 * both are written side by side at the call. */
#define doc_sql(self, sqlite_text, postgresql_text) \
  (vaern_db_kind ((self)->db) == VAERN_DB_POSTGRESQL ? (postgresql_text) : (sqlite_text))
/* BEGIN for an edit (SQLite: the write lock at once). */
G_GNUC_INTERNAL gboolean      doc_begin            (VaernDocument *self,
                                                    GError       **error);
/* A cached, reset statement; the document owns it. */
G_GNUC_INTERNAL VaernDbStmt *doc_prepare          (VaernDocument *self,
                                                    const char    *sql,
                                                    GError       **error);
/* The schema Værn's migrations make up to @version, without rows. */
G_GNUC_INTERNAL gboolean      doc_make_schema      (sqlite3       *db,
                                                    gint64         version,
                                                    GError       **error);
/* For the lists' loaders: a query that fails is kept for
 * vaern_document_check_lists() instead of passing for an empty list. */
G_GNUC_INTERNAL VaernDbStmt *doc_prepare_list     (VaernDocument *self,
                                                    const char    *sql);
G_GNUC_INTERNAL void          doc_list_done        (VaernDocument *self,
                                                    VaernDbStmt  *stmt,
                                                    int            rc);
/* Steps an INSERT … RETURNING id; the new id, or 0 with an error. */
G_GNUC_INTERNAL gint64        doc_insert           (VaernDocument *self,
                                                    VaernDbStmt   *stmt,
                                                    GError       **error);
G_GNUC_INTERNAL gboolean      doc_step_done        (VaernDocument *self,
                                                    VaernDbStmt  *stmt,
                                                    GError       **error);
G_GNUC_INTERNAL void          doc_bind_text        (VaernDbStmt  *stmt,
                                                    int            index,
                                                    const char    *text);
G_GNUC_INTERNAL void          doc_bind_text_or_empty (VaernDbStmt *stmt,
                                                      int           index,
                                                      const char   *text);
G_GNUC_INTERNAL void          doc_bind_id          (VaernDbStmt  *stmt,
                                                    int            index,
                                                    gint64         id);
G_GNUC_INTERNAL char         *doc_column_dup       (VaernDbStmt  *stmt,
                                                    int            column);
G_GNUC_INTERNAL guint         doc_column_enum      (VaernDbStmt  *stmt,
                                                    int            column,
                                                    const VaernEnum *e);
G_GNUC_INTERNAL guint32       doc_row_digest       (VaernDbStmt  *stmt);
G_GNUC_INTERNAL gint64        doc_query_int        (VaernDocument *self,
                                                    const char    *sql,
                                                    gint64         param,
                                                    GError       **error);
/* The parts casefolded and joined by newlines, for searching; the list
 * ends with (const char *) -1. */
G_GNUC_INTERNAL char         *doc_casefold_join    (const char    *first,
                                                    ...);

/* Edits: begin_change, the statements, end_change (which commits, records
 * the undo step, refreshes the lists and emits ::changed). */
G_GNUC_INTERNAL gboolean      doc_check_writable   (VaernDocument *self,
                                                    GError       **error);
G_GNUC_INTERNAL gboolean      doc_begin_change     (VaernDocument *self,
                                                    const char    *label,
                                                    GError       **error);
G_GNUC_INTERNAL gboolean      doc_end_change       (VaernDocument *self,
                                                    gboolean       ok,
                                                    const char    *label,
                                                    GError       **error);
G_GNUC_INTERNAL gboolean      doc_delete_row       (VaernDocument *self,
                                                    const char    *sql,
                                                    gint64         id,
                                                    const char    *label,
                                                    GError       **error);
/* One INSERT (id 0) or UPDATE (the row's id bound after the n_params
 * that bind() binds) as one edit named label, and then extra (may be
 * NULL) in the same transaction. Returns the row's id, or 0 with an
 * error; missing says what to tell when the row to update is gone. */
typedef void     (*DocBindFunc)  (VaernDbStmt  *stmt,
                                  gpointer       record);
typedef gboolean (*DocExtraFunc) (VaernDocument *self,
                                  gint64         id,
                                  gpointer       record,
                                  GError       **error);
G_GNUC_INTERNAL gint64        doc_write_row        (VaernDocument *self,
                                                    const char    *label,
                                                    const char    *sql,
                                                    DocBindFunc    bind,
                                                    int            n_params,
                                                    gpointer       record,
                                                    gint64         id,
                                                    DocExtraFunc   extra,
                                                    const char    *missing,
                                                    GError       **error);
G_GNUC_INTERNAL gboolean      doc_require_name     (const char    *name,
                                                    const char    *message,
                                                    GError       **error);
G_GNUC_INTERNAL gboolean      doc_require_date     (const char    *date,
                                                    const char    *field,
                                                    gboolean       optional,
                                                    GError       **error);

/* Lists (vaern-document.c) */
G_GNUC_INTERNAL void          doc_merge_records    (GListStore    *store,
                                                    GPtrArray     *fresh);
G_GNUC_INTERNAL void          doc_replace_ordered  (GListStore    *store,
                                                    GPtrArray     *fresh);
/* Reloads what the last change set touched. */
G_GNUC_INTERNAL void          doc_refresh_lists    (VaernDocument *self);
/* On a server: follows what other sessions committed (their
 * notifications), and watches for more; FALSE when the connection is gone. */
G_GNUC_INTERNAL gboolean      doc_take_notifications (VaernDocument *self);
G_GNUC_INTERNAL gboolean      doc_listen           (VaernDocument *self,
                                                    GError       **error);
/* Asks the server for the login's group again; notifies read-only when a
 * reader's access began or ended. */
G_GNUC_INTERNAL void          doc_refresh_access   (VaernDocument *self);
/* Takes the first record of a loaded array (transfer full), or NULL. */
G_GNUC_INTERNAL gpointer      doc_first_record     (GPtrArray     *records);
G_GNUC_INTERNAL gpointer      doc_find_record      (GListModel    *model,
                                                    gint64         id);
/* The id the query (one text parameter) finds first, or 0. */
G_GNUC_INTERNAL gint64        doc_find_by_name     (VaernDocument *self,
                                                    const char    *sql,
                                                    const char    *name);

/* The document object (vaern-document.c) */
G_GNUC_INTERNAL gboolean      doc_store_error      (GError       **error,
                                                    int            code,
                                                    const char    *format,
                                                    const char    *path);
/* Sets up a new connection: functions, pragmas, locking (vaern-document-db.c). */
G_GNUC_INTERNAL gboolean      doc_configure        (VaernDocument *self,
                                                    GError       **error);
/* A connection to the empty database at location (nothing written), for a
 * load into it; a database that holds anything is refused. */
G_GNUC_INTERNAL VaernDocument *doc_connect_empty   (const char    *location,
                                                    GError       **error);
/* Refuses an edit when another program replaced the file. */
G_GNUC_INTERNAL gboolean      doc_check_same_file  (VaernDocument *self,
                                                    GError       **error);
G_GNUC_INTERNAL void          doc_notify_undo      (VaernDocument *self);
/* The server's connection was lost: the document turns read-only. */
G_GNUC_INTERNAL void          doc_lost_connection  (VaernDocument *self);
G_GNUC_INTERNAL void          doc_notify_organisation (VaernDocument *self);
/* Emits ::changed. */
G_GNUC_INTERNAL void          doc_signal_changed   (VaernDocument *self);

/* Migrations and the schema check (vaern-document-migrate.c) */
G_GNUC_INTERNAL gboolean      doc_migrate          (VaernDocument *self,
                                                    const char    *organisation,
                                                    GError       **error);
G_GNUC_INTERNAL gboolean      doc_migrate_to       (VaernDocument *self,
                                                    const char    *organisation,
                                                    gint64         target,
                                                    gboolean       with_rows,
                                                    GError       **error);
G_GNUC_INTERNAL gboolean      doc_check_schema     (VaernDocument *self,
                                                    GError       **error);
/* The schema version of the open document, 0 when empty, -1 on error. */
G_GNUC_INTERNAL gint64        doc_schema_version   (VaernDocument *self,
                                                    GError       **error);

/* The organisation (vaern-document-organisation.c) */
G_GNUC_INTERNAL gboolean      doc_load_organisation (VaernDocument *self,
                                                     GError       **error);

/* The register: assets and units (vaern-document-register.c); all, or the
 * one with the given id. */
G_GNUC_INTERNAL GPtrArray    *doc_load_assets      (VaernDocument *self,
                                                    gint64         id);
G_GNUC_INTERNAL GPtrArray    *doc_load_units       (VaernDocument *self);

/* People, roles and their assignments (vaern-document-people.c) */
G_GNUC_INTERNAL GPtrArray    *doc_load_people      (VaernDocument *self,
                                                    gint64         id);
G_GNUC_INTERNAL GPtrArray    *doc_load_roles       (VaernDocument *self,
                                                    gint64         id);

/* The risk part (vaern-document-risks.c) */
G_GNUC_INTERNAL void          doc_risks_init       (VaernDocument *self);
G_GNUC_INTERNAL void          doc_risks_dispose    (VaernDocument *self);
/* What a change touched, from its change log (DOC_TOUCHED_ALL when not
 * known): the lists reload only what depends on it. */
typedef enum
{
  DOC_TOUCHED_UNIT       = 1 << 0,
  DOC_TOUCHED_PERSON     = 1 << 1,
  DOC_TOUCHED_ASSET      = 1 << 2,   /* asset, asset_unit */
  DOC_TOUCHED_ROLE       = 1 << 3,
  DOC_TOUCHED_ASSIGNMENT = 1 << 4,
  DOC_TOUCHED_SCALE      = 1 << 5,   /* scale, scale_level, scale_band */
  DOC_TOUCHED_THREAT     = 1 << 6,
  DOC_TOUCHED_RISK       = 1 << 7,   /* risk, risk_control */
  DOC_TOUCHED_OTHER      = 1 << 8,
  DOC_TOUCHED_SOA        = 1 << 9,   /* soa_version, soa_entry, soa_entry_document, approval */
  DOC_TOUCHED_DOCUMENT   = 1 << 10,  /* document */
  DOC_TOUCHED_ACTIVITY   = 1 << 11,  /* activity, activity_done */
  DOC_TOUCHED_ALL        = 0xffff,
} DocTouched;

/* Reads the scale and reloads threats and risks as far as touched needs;
 * when only risks changed, only those rows (changed_risks, may be NULL:
 * all). */
G_GNUC_INTERNAL void          doc_risks_refresh    (VaernDocument *self,
                                                    DocTouched     touched,
                                                    GArray        *changed_risks);
/* Gives a new document its scale and threat catalogue. */
G_GNUC_INTERNAL gboolean      doc_risks_seed       (VaernDocument *self,
                                                    GError       **error);
/* The SoA part (vaern-document-soa.c) */
G_GNUC_INTERNAL void          doc_soa_init         (VaernDocument *self);
G_GNUC_INTERNAL void          doc_soa_dispose      (VaernDocument *self);
G_GNUC_INTERNAL void          doc_soa_refresh      (VaernDocument *self,
                                                    DocTouched     touched);
/* Refuses (with a message) an edit of an approved SoA version. */
G_GNUC_INTERNAL gboolean      doc_frozen_error     (VaernDocument *self,
                                                    gint64         version_id,
                                                    GError       **error);
/* Whether the person id is 0 (none) or a person of the document. */
G_GNUC_INTERNAL gboolean      doc_person_exists    (VaernDocument *self,
                                                    gint64         id);
/* ISMS documents and approvals (vaern-document-approvals.c) */
G_GNUC_INTERNAL GPtrArray    *doc_load_isms_documents (VaernDocument *self,
                                                       gint64         id);
G_GNUC_INTERNAL GPtrArray    *doc_load_approvals   (VaernDocument *self,
                                                    gint64         id);
/* Loads the Annex A catalogue and makes the first SoA draft. */
G_GNUC_INTERNAL gboolean      doc_soa_seed         (VaernDocument *self,
                                                    GError       **error);
/* Sample SoA, documents and approvals (vaern-demo-soa.c). */
G_GNUC_INTERNAL gboolean      doc_add_sample_soa   (VaernDocument *self,
                                                    GError       **error);

/* The annual wheel (vaern-document-wheel.c) */
G_GNUC_INTERNAL void          doc_wheel_init       (VaernDocument *self);
G_GNUC_INTERNAL void          doc_wheel_dispose    (VaernDocument *self);
G_GNUC_INTERNAL void          doc_wheel_refresh    (VaernDocument *self,
                                                    DocTouched     touched);
/* Gives a new document the default wheel of PDCA activities. */
G_GNUC_INTERNAL gboolean      doc_wheel_seed       (VaernDocument *self,
                                                    GError       **error);
G_GNUC_INTERNAL const char   *doc_concerns_key     (VaernConcerns  concerns);
/* Sample owners, occurrences done and plan items (vaern-demo-wheel.c);
 * n_extra more activities for the large document. */
G_GNUC_INTERNAL gboolean      doc_add_sample_wheel (VaernDocument *self,
                                                    guint          n_extra,
                                                    GError       **error);

/* Sample risks for the demo and large documents (vaern-demo-risks.c). */
G_GNUC_INTERNAL gboolean      doc_add_sample_risks (VaernDocument *self,
                                                    guint          min,
                                                    guint          max,
                                                    guint          skip,
                                                    guint32        seed,
                                                    GError       **error);


guint               vaern_schema_n_migrations   (void);
const char         *vaern_schema_migration_for  (VaernDbKind kind,
                                                 guint       from_version);
const char *const  *vaern_schema_audited_tables (guint *n_tables);

/* Generation of sample documents is creation, not editing: no change log and
 * no undo step. */
void                vaern_document_set_audit    (VaernDocument *self,
                                                 gboolean       audit);
void                vaern_document_forget_undo  (VaernDocument *self);

/* For tests: the raw connection, to look at what was written. */
sqlite3            *vaern_document_get_db       (VaernDocument *self);

G_END_DECLS
