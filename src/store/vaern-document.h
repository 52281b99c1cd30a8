/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "core/vaern-csv.h"
#include "core/vaern-risk-scale.h"
#include "vaern-records.h"
#include "vaern-store-error.h"

G_BEGIN_DECLS

/* The file format's identity: PRAGMA application_id ('VaRN') and the newest
 * schema version (PRAGMA user_version) this build knows. */
#define VAERN_APPLICATION_ID  0x5661524E
#define VAERN_SCHEMA_VERSION  6

#define VAERN_TYPE_DOCUMENT (vaern_document_get_type ())
G_DECLARE_FINAL_TYPE (VaernDocument, vaern_document, VAERN, DOCUMENT, GObject)

/* Opening and saving */
VaernDocument *vaern_document_create        (const char     *path,
                                             const char     *organisation,
                                             GError        **error);
VaernDocument *vaern_document_open          (const char     *path,
                                             GError        **error);
VaernDocument *vaern_document_open_snapshot (const char     *path,
                                             GError        **error);
gboolean       vaern_document_save_as       (VaernDocument  *self,
                                             const char     *path,
                                             GError        **error);
gboolean       vaern_document_backup        (VaernDocument  *self,
                                             const char     *path,
                                             GError        **error);
void           vaern_document_close         (VaernDocument  *self);
/* A file's path, or a server document's location (a postgresql:// URI or
 * a libpq connection string, as it was opened). */
const char    *vaern_document_get_path      (VaernDocument  *self);
gboolean       vaern_document_get_read_only (VaernDocument  *self);
/* FALSE while a server document's connection is lost (it is read-only
 * then); vaern_document_reconnect() tries to get it back. */
gboolean       vaern_document_is_connected  (VaernDocument  *self);
gboolean       vaern_document_reconnect     (VaernDocument  *self,
                                             GError        **error);
/* Looks, without waiting, whether a server document's session is still
 * there; when not, it turns disconnected (and read-only). */
gboolean       vaern_document_check_connection (VaernDocument *self);
/* Whether the server of a location answers; blocks up to five seconds (call
 * it off the main loop). */
gboolean       vaern_location_ping          (const char     *location);
/* Whether the document lives on a server rather than in a file. */
gboolean       vaern_document_is_server     (VaernDocument  *self);
/* For the window's title: the file's name, or "isms on db.example.dk". */
char          *vaern_document_get_display_name (VaernDocument *self);
/* Whether a location names a database on a server (a postgresql:// URI or
 * a libpq connection string) rather than a file. */
gboolean       vaern_location_is_server     (const char     *location);
/* A server location as a postgresql:// URI (the form recent lists and
 * command lines carry); NULL when it cannot be read. */
char          *vaern_location_to_uri        (const char     *location);
/* One setting of a server location ("host", "port", "dbname", "user"), or
 * NULL. */
char          *vaern_location_get_setting   (const char     *location,
                                             const char     *keyword);
/* The whole document (history and change log along) copied to a new file
 * or an empty database at location, all or nothing; the document itself
 * is not changed. Cancelling leaves nothing at location. */
gboolean       vaern_document_publish       (VaernDocument  *self,
                                             const char     *location,
                                             GCancellable   *cancellable,
                                             GError        **error);
/* The password for a server location, used for its connections from now
 * on (NULL forgets it); kept in memory only. */
void           vaern_location_set_password  (const char     *location,
                                             const char     *password);
const char    *vaern_document_get_organisation (VaernDocument *self);
gboolean       vaern_document_set_organisation (VaernDocument *self,
                                                const char    *name,
                                                const char    *cvr,
                                                GError       **error);
const char    *vaern_document_get_cvr       (VaernDocument  *self);

/* The organisation's logo: a PNG of at most VAERN_LOGO_MAX_BYTES, or NULL
 * when there is none. Setting NULL removes it; a change can be undone. */
#define VAERN_LOGO_MAX_BYTES (1024 * 1024)
#define VAERN_LOGO_MAX_PIXELS 2048
GBytes        *vaern_document_get_logo      (VaernDocument  *self);
gboolean       vaern_document_set_logo      (VaernDocument  *self,
                                             GBytes         *png,
                                             GError        **error);
/* Whether data is a PNG the document can keep as its logo; the error says
 * why not. Shared with the import of a full export. */
gboolean       vaern_logo_check             (const guint8   *data,
                                             gsize           size,
                                             GError        **error);

/* Lists kept up to date by the document. Items are VaernAsset, VaernPerson,
 * VaernUnit (in tree order) and VaernRole (in position order). */
GListModel    *vaern_document_get_assets    (VaernDocument  *self);
GListModel    *vaern_document_get_people    (VaernDocument  *self);
GListModel    *vaern_document_get_units     (VaernDocument  *self);
GListModel    *vaern_document_get_roles     (VaernDocument  *self);

/* The lookups below return a new reference (transfer full), or NULL. */
VaernAsset    *vaern_document_get_asset     (VaernDocument  *self,
                                             gint64          id,
                                             GError        **error);
VaernPerson   *vaern_document_find_person   (VaernDocument  *self,
                                             gint64          id);
VaernUnit     *vaern_document_find_unit     (VaernDocument  *self,
                                             gint64          id);
VaernRole     *vaern_document_find_role     (VaernDocument  *self,
                                             gint64          id);
VaernRole     *vaern_document_find_role_by_key (VaernDocument *self,
                                                const char    *key);
gint64         vaern_document_find_asset_by_name (VaernDocument *self,
                                                  const char    *name);
gint64         vaern_document_find_unit_by_name  (VaernDocument *self,
                                                  const char    *name);

/* Role assignments of one asset or of one person (the other id 0), newest
 * first; with_history also lists ended ones. A new list each call. */
GListModel    *vaern_document_list_assignments (VaernDocument *self,
                                                gint64         asset_id,
                                                gint64         person_id,
                                                gboolean       with_history);

/* The change log, newest first. */
GListModel    *vaern_document_list_changes  (VaernDocument  *self,
                                             guint           limit);
guint          vaern_document_count_changes (VaernDocument  *self);
/* What people did (one item per step, without the rows it changed) on or
 * after the day since (NULL: ever), newest first; undone steps and their
 * undoing are left out. At most limit (0: all). */
GListModel    *vaern_document_list_change_sets (VaernDocument *self,
                                                const char    *since,
                                                guint          limit);

/* Edits. Each is one transaction and one step of undo; the lists above are
 * refreshed and ::changed is emitted after it. Validation errors are
 * VAERN_STORE_ERROR_INVALID, _DUPLICATE or _CONSTRAINT with a message for the
 * person who typed it. */
gint64         vaern_document_add_asset     (VaernDocument  *self,
                                             VaernAsset     *asset,
                                             GError        **error);
gboolean       vaern_document_update_asset  (VaernDocument  *self,
                                             VaernAsset     *asset,
                                             GError        **error);
gboolean       vaern_document_delete_asset  (VaernDocument  *self,
                                             gint64          id,
                                             GError        **error);
gint64         vaern_document_duplicate_asset (VaernDocument *self,
                                               gint64         id,
                                               GError       **error);

gint64         vaern_document_add_unit      (VaernDocument  *self,
                                             VaernUnit      *unit,
                                             GError        **error);
gboolean       vaern_document_update_unit   (VaernDocument  *self,
                                             VaernUnit      *unit,
                                             GError        **error);
gboolean       vaern_document_delete_unit   (VaernDocument  *self,
                                             gint64          id,
                                             GError        **error);

gint64         vaern_document_add_person    (VaernDocument  *self,
                                             VaernPerson    *person,
                                             GError        **error);
gboolean       vaern_document_update_person (VaernDocument  *self,
                                             VaernPerson    *person,
                                             GError        **error);
/* Deletes a person. Their role assignments (current and past) go with them,
 * unless successor_id names someone who takes over the current ones. */
gboolean       vaern_document_delete_person (VaernDocument  *self,
                                             gint64          id,
                                             gint64          successor_id,
                                             GError        **error);
/* Hands every current role of one person to another from a date. */
guint          vaern_document_hand_over_roles (VaernDocument *self,
                                               gint64         from_person_id,
                                               gint64         to_person_id,
                                               const char    *date,
                                               GError       **error);

gint64         vaern_document_add_role      (VaernDocument  *self,
                                             VaernRole      *role,
                                             GError        **error);
/* Adds the role names KITOS uses that the document does not have yet. */
guint          vaern_document_add_kitos_roles (VaernDocument *self,
                                               GError       **error);

/* Assigns a role from a date (NULL: today). For a single-holder role
 * (systemejer, asset owner) with a current holder, this fails with
 * VAERN_STORE_ERROR_CONSTRAINT unless replace is set, in which case the
 * current holder's assignment ends on that date and stays in the history. */
gint64         vaern_document_assign        (VaernDocument  *self,
                                             gint64          asset_id,
                                             gint64          person_id,
                                             gint64          role_id,
                                             const char     *from_date,
                                             gboolean        replace,
                                             GError        **error);
gboolean       vaern_document_end_assignment (VaernDocument *self,
                                              gint64         id,
                                              const char    *to_date,
                                              GError       **error);
gboolean       vaern_document_delete_assignment (VaernDocument *self,
                                                 gint64         id,
                                                 GError       **error);
/* The current holder of a single-holder role, or 0. */
gint64         vaern_document_get_holder    (VaernDocument  *self,
                                             gint64          asset_id,
                                             gint64          role_id);

/* Several edits as one transaction and one undo step: begin, the edits, end.
 * end_batch with commit FALSE rolls everything back. */
gboolean       vaern_document_begin_batch   (VaernDocument  *self,
                                             const char     *label,
                                             GError        **error);
gboolean       vaern_document_end_batch     (VaernDocument  *self,
                                             gboolean        commit,
                                             GError        **error);
/* Whether an error that ends a transaction (a full disk) ended the batch:
 * then nothing of it is kept, every further edit in it is refused, and
 * end_batch says why. A caller going through many rows stops. */
gboolean       vaern_document_batch_failed  (VaernDocument  *self);

/* Whether every list could be read: a query that failed (a missing table,
 * an I/O error) leaves its list short, and this says so. Opening checks it;
 * an export checks it again after reading what it writes. */
gboolean       vaern_document_check_lists   (VaernDocument  *self,
                                             GError        **error);

/* Undo and redo of the edits made since the document was opened. */
gboolean       vaern_document_can_undo      (VaernDocument  *self);
/* How many steps can be undone: an edit that changed nothing adds none,
 * so a caller sees whether its edit is the one on top. */
guint          vaern_document_get_undo_depth (VaernDocument *self);
gboolean       vaern_document_can_redo      (VaernDocument  *self);
const char    *vaern_document_get_undo_label (VaernDocument *self);
const char    *vaern_document_get_redo_label (VaernDocument *self);
gboolean       vaern_document_undo          (VaernDocument  *self,
                                             GError        **error);
gboolean       vaern_document_redo          (VaernDocument  *self,
                                             GError        **error);

/* CSV import of systems. With dry_run, nothing is written but the report is
 * the one a real import would give. Rows that cannot be imported are skipped
 * and reported with their line and reason; the rest go in as one transaction
 * and one undo step, or nothing does. */
typedef struct
{
  guint      line;
  char      *name;
  char      *reason;
} VaernImportSkip;

typedef struct
{
  guint      n_imported;
  GPtrArray *skipped; /* VaernImportSkip */
} VaernImportReport;

void           vaern_import_report_free     (VaernImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VaernImportReport, vaern_import_report_free)

VaernImportReport *vaern_document_import_systems (VaernDocument          *self,
                                                  VaernCsv               *csv,
                                                  const VaernSystemField *mapping,
                                                  gboolean                dry_run,
                                                  GError                **error);

/* Risk assessment */

/* The document's risk scale; owned by the document, valid until the next
 * change. */
const VaernRiskScale *vaern_document_get_scale (VaernDocument *self);
/* Sets the scale. When the number of levels changes and there are risks,
 * their levels must be mapped to the new scale (vaern_risk_scale_map_level):
 * without map_levels this fails with VAERN_STORE_ERROR_CONSTRAINT, so a
 * score never changes without the person agreeing to it. */
gboolean       vaern_document_set_scale     (VaernDocument        *self,
                                             const VaernRiskScale *scale,
                                             gboolean              map_levels,
                                             GError              **error);
guint          vaern_document_count_risks   (VaernDocument  *self);

/* Threats by category and name; risks by id (read from the file the first
 * time they are asked for, then kept up to date like the other lists). */
GListModel    *vaern_document_get_threats   (VaernDocument  *self);
GListModel    *vaern_document_get_risks     (VaernDocument  *self);
VaernRisk     *vaern_document_get_risk      (VaernDocument  *self,
                                             gint64          id,
                                             GError        **error);
VaernThreat   *vaern_document_find_threat   (VaernDocument  *self,
                                             gint64          id);
gint64         vaern_document_add_threat    (VaernDocument  *self,
                                             VaernThreat    *threat,
                                             GError        **error);
gboolean       vaern_document_update_threat (VaernDocument  *self,
                                             VaernThreat    *threat,
                                             GError        **error);
/* Risks of a deleted threat keep their scenario, without the threat. */
gboolean       vaern_document_delete_threat (VaernDocument  *self,
                                             gint64          id,
                                             GError        **error);
gint64         vaern_document_add_risk      (VaernDocument  *self,
                                             VaernRisk      *risk,
                                             GError        **error);
gboolean       vaern_document_update_risk   (VaernDocument  *self,
                                             VaernRisk      *risk,
                                             GError        **error);
gboolean       vaern_document_delete_risk   (VaernDocument  *self,
                                             gint64          id,
                                             GError        **error);
/* Writes only the risk's acceptance (accepted_by, accepted_on), as
 * management may on a server. */
gboolean       vaern_document_accept_risk   (VaernDocument  *self,
                                             VaernRisk      *risk,
                                             GError        **error);

/* Who may do what. A file: everything (its permissions are the control).
 * A server: what the login's group allows (vaern-schema.c, migration 6). */
typedef enum
{
  VAERN_ACCESS_ADMIN,       /* the ISMS administrator: everything */
  VAERN_ACCESS_ASSESSOR,    /* the risks and classification of their systems */
  VAERN_ACCESS_MANAGEMENT,  /* approvals and acceptances */
  VAERN_ACCESS_READER,      /* reads */
  VAERN_ACCESS_NONE,        /* a login in no group */
} VaernAccess;

/* The login's group, as asked when the document connected or last looked
 * at its connection (vaern_document_check_connection). */
VaernAccess    vaern_document_get_access    (VaernDocument  *self);
/* Follows what other sessions commit on a server, in the calling thread's
 * main context (see vaern-document.c). */
void           vaern_document_watch_server  (VaernDocument  *self);
/* Who else works in the ISMS now (other logins' sessions of Værn), as
 * names, sorted; empty for a file. */
GStrv          vaern_document_list_present  (VaernDocument  *self);
/* Whether the login may change the risks and classification of an asset. */
gboolean       vaern_document_may_assess    (VaernDocument  *self,
                                             gint64          asset_id);

/* The Annex A catalogue, loaded into every document */

/* The 2022 numbers of the controls that took over a 2013 control ("A.8.1.2",
 * "8.1.2", …), sorted; NULL if it is not a 2013 control. */
GStrv          vaern_document_map_2013_control (VaernDocument *self,
                                                const char    *number_2013);
/* The 2013 numbers a 2022 control covers (empty for the controls new in
 * 2022); NULL if it is not a 2022 control. */
GStrv          vaern_document_control_sources  (VaernDocument *self,
                                                const char    *number_2022);

/* The Statement of Applicability */

/* Versions by number; the newest is last. */
GListModel    *vaern_document_get_soa_versions (VaernDocument *self);
/* The entries of every version, by version and then the catalogue's order. */
GListModel    *vaern_document_get_soa_entries  (VaernDocument *self);
VaernSoaVersion *vaern_document_get_soa_version (VaernDocument *self,
                                                 gint64         version_id);
/* The newest version (a draft or the last approved one). */
VaernSoaVersion *vaern_document_get_newest_soa_version (VaernDocument *self);
VaernSoaEntry *vaern_document_get_soa_entry    (VaernDocument *self,
                                                gint64         entry_id,
                                                GError       **error);
/* Changes one control of a draft. Fails with VAERN_STORE_ERROR_FROZEN on
 * an approved version, and with a field error ("justification") for an
 * exclusion without a justification. */
gboolean       vaern_document_update_soa_entry (VaernDocument *self,
                                                VaernSoaEntry *entry,
                                                GError       **error);
/* Starts a new draft as a copy of the newest version, which must be
 * approved. Returns the new version's id. */
gint64         vaern_document_new_soa_draft    (VaernDocument *self,
                                                GError       **error);
/* The risks whose treatment names the control, by system and title. */
GPtrArray     *vaern_document_list_control_risks (VaernDocument *self,
                                                  const char    *control);

/* One difference between two SoA versions: one field of one control, with
 * its values as a person reads them. */
typedef struct
{
  char *control;
  char *title;
  char *field;      /* translated: "Applicable", "Status", … */
  char *old_value;
  char *new_value;
} VaernSoaDifference;

void           vaern_soa_difference_free       (VaernSoaDifference *difference);
/* What changed from version a to version b, by control and field. */
GPtrArray     *vaern_document_compare_soa      (VaernDocument *self,
                                                gint64         version_a,
                                                gint64         version_b,
                                                GError       **error);

/* Documents of the ISMS */

/* By kind and title. */
GListModel    *vaern_document_get_isms_documents   (VaernDocument     *self);
VaernIsmsDocument *vaern_document_find_isms_document (VaernDocument   *self,
                                                      gint64           id);
gint64         vaern_document_add_isms_document    (VaernDocument     *self,
                                                    VaernIsmsDocument *doc,
                                                    GError           **error);
gboolean       vaern_document_update_isms_document (VaernDocument     *self,
                                                    VaernIsmsDocument *doc,
                                                    GError           **error);
/* Refused while an approved SoA version refers to it (it is then
 * withdrawn instead). */
gboolean       vaern_document_delete_isms_document (VaernDocument     *self,
                                                    gint64             id,
                                                    GError           **error);

/* Approvals */

/* Newest first. */
GListModel    *vaern_document_get_approvals    (VaernDocument *self);
/* Records an approval. Approving an SoA version (the newest, a draft)
 * freezes it; approving a document marks it approved and keeps its
 * version. An empty title is filled in from the subject. */
gint64         vaern_document_add_approval     (VaernDocument *self,
                                                VaernApproval *approval,
                                                GError       **error);
/* Who, when and the note may be corrected; the subject stays. */
gboolean       vaern_document_update_approval  (VaernDocument *self,
                                                VaernApproval *approval,
                                                GError       **error);
/* An approval of the SoA cannot be deleted (undo is the way back). */
gboolean       vaern_document_delete_approval  (VaernDocument *self,
                                                gint64         id,
                                                GError       **error);

/* The annual wheel and the annual plan */

/* Every activity, of the wheel and of the plan, by id. */
GListModel    *vaern_document_get_activities   (VaernDocument *self);
VaernActivity *vaern_document_find_activity    (VaernDocument *self,
                                                gint64         id);
gint64         vaern_document_add_activity     (VaernDocument *self,
                                                VaernActivity *activity,
                                                GError       **error);
gboolean       vaern_document_update_activity  (VaernDocument *self,
                                                VaernActivity *activity,
                                                GError       **error);
gboolean       vaern_document_delete_activity  (VaernDocument *self,
                                                gint64         id,
                                                GError       **error);
/* Records that the occurrence due on occurrence was done on done_on by
 * done_by; occurrence must be one of the activity's due dates. */
gboolean       vaern_document_mark_done        (VaernDocument *self,
                                                gint64         activity_id,
                                                const char    *occurrence,
                                                const char    *done_on,
                                                const char    *done_by,
                                                const char    *note,
                                                GError       **error);
gboolean       vaern_document_unmark_done      (VaernDocument *self,
                                                gint64         activity_id,
                                                const char    *occurrence,
                                                GError       **error);

/* Sample documents */
gboolean       vaern_document_fill_demo     (VaernDocument  *self,
                                             GError        **error);
gboolean       vaern_document_fill_large    (VaernDocument  *self,
                                             guint           n_systems,
                                             guint           n_people,
                                             guint           n_risks,
                                             GError        **error);
/* A new document made the demo (or the large document: 2,000 systems,
 * 1,000 people, 20,000 risks) as made, not edited: no change log, no undo. */
gboolean       vaern_document_make_sample   (VaernDocument  *self,
                                             gboolean        large,
                                             GError        **error);

G_END_DECLS
