/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-view.h"
#include "core/vaern-catalogue.h"
#include "core/vaern-date.h"
#include "store/vaern-figures.h"
#include "vaern-documents-view.h"  /* the filters a row links to */
#include "vaern-overview-view.h"
#include "vaern-wheel-view.h"

/* The overview (overblik): the ISMS's key figures and what needs
 * attention, one row each, and each row a link to the view and filter it
 * concerns, so the row's count is what that view then lists. The findings
 * (a system without a systemejer, a treatment not decided, …) go first,
 * in a group of their own, while there are any. The groups and rows are
 * the template's (ui/vaern-overview-view.ui); here is where each row
 * leads and what it counts.
 *
 * The figures are counted from the document's lists
 * (vaern_key_figures_compute): once when the view is first shown, and
 * again after a change, in an idle, so that a change told in many parts
 * (or a large document's twenty thousand risks) is counted once. */

/* Where a row leads. */
typedef enum
{
  LINK_REGISTER,         /* arg: VaernFindings */
  LINK_SYSTEMS,          /* the IT systems not retired */
  LINK_RISKS,
  LINK_RISKS_UNDECIDED,
  LINK_RISKS_OVERDUE,
  LINK_RISKS_BAND,       /* arg: band, after treatment */
  LINK_SOA,              /* arg: theme (0 all) */
  LINK_SOA_MISSING,
  LINK_WHEEL,            /* arg: VaernWheelMarkState */
  LINK_DOCUMENTS,        /* arg: VaernDocumentsFilter */
  LINK_APPROVALS,
} Link;

typedef enum
{
  FIG_SYSTEMS,
  FIG_NO_OWNER,
  FIG_DPA_MISSING,
  FIG_SYSTEMS_REVIEW,
  FIG_SYSTEMS_ASSESSED,
  FIG_RISKS,
  FIG_RISKS_UNDECIDED,
  FIG_RISKS_REVIEW,
  FIG_BAND_1,
  FIG_BAND_LAST = FIG_BAND_1 + VAERN_FIGURES_MAX_BANDS - 1,
  FIG_SOA_VERSION,
  FIG_SOA_IMPLEMENTED,
  FIG_SOA_THEME_5,
  FIG_SOA_THEME_8 = FIG_SOA_THEME_5 + VAERN_FIGURES_N_THEMES - 1,
  FIG_SOA_MISSING,
  FIG_ACTIVITIES_OVERDUE,
  FIG_ACTIVITIES_UPCOMING,
  FIG_DOCUMENTS,
  FIG_DOCUMENTS_REVIEW,
  FIG_PENDING_APPROVALS,
  FIG_LAST_REPORT,
  N_FIGURES
} Figure;

/* The findings, in the order the "Needs Attention" group of the template
 * lists them. */
static const Figure findings[] = {
  FIG_NO_OWNER, FIG_DPA_MISSING, FIG_SYSTEMS_REVIEW, FIG_RISKS_UNDECIDED, FIG_RISKS_REVIEW,
  FIG_ACTIVITIES_OVERDUE, FIG_SOA_MISSING, FIG_PENDING_APPROVALS,
};

typedef struct
{
  AdwActionRow *row;         /* in its own group */
  GtkLabel     *count;
  AdwActionRow *attention;   /* in "Needs attention", for a finding */
  GtkLabel     *attention_count;
} FigureRow;

struct _VaernOverviewView
{
  GtkWidget            parent_instance;

  VaernDocument       *document;
  gboolean             attached;    /* counting the document (once mapped) */
  gboolean             stale;       /* changed while hidden */
  guint                refresh_idle;
  FigureRow            rows[N_FIGURES];

  /* Template widgets */
  GtkStack            *stack;
  AdwActionRow        *all_well_row;
};

static void vaern_overview_view_iface_init (VaernViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VaernOverviewView, vaern_overview_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VAERN_TYPE_VIEW,
                                                      vaern_overview_view_iface_init))

/* Each figure's row in the template, by name (its id and widget name; the
 * count is NAME-count, and a finding's row in "Needs Attention" is
 * attention-NAME), and where the row leads. */
static const struct
{
  const char *name;
  Link        link;
  guint       arg;
} figures[N_FIGURES] = {
  [FIG_SYSTEMS] = { "systems", LINK_SYSTEMS, 0 },
  [FIG_NO_OWNER] = { "no-owner", LINK_REGISTER, VAERN_FINDING_NO_OWNER },
  [FIG_DPA_MISSING] = { "dpa-missing", LINK_REGISTER, VAERN_FINDING_DPA_MISSING },
  [FIG_SYSTEMS_REVIEW] = { "systems-review-overdue", LINK_REGISTER, VAERN_FINDING_REVIEW_OVERDUE },
  [FIG_SYSTEMS_ASSESSED] = { "systems-assessed", LINK_RISKS, 0 },
  [FIG_RISKS] = { "risks", LINK_RISKS, 0 },
  [FIG_RISKS_UNDECIDED] = { "risks-undecided", LINK_RISKS_UNDECIDED, 0 },
  [FIG_RISKS_REVIEW] = { "risks-review-overdue", LINK_RISKS_OVERDUE, 0 },
  [FIG_BAND_1] = { "band-1", LINK_RISKS_BAND, 1 },
  { "band-2", LINK_RISKS_BAND, 2 },
  { "band-3", LINK_RISKS_BAND, 3 },
  { "band-4", LINK_RISKS_BAND, 4 },
  { "band-5", LINK_RISKS_BAND, 5 },
  { "band-6", LINK_RISKS_BAND, 6 },
  [FIG_SOA_VERSION] = { "soa-version", LINK_SOA, 0 },
  [FIG_SOA_IMPLEMENTED] = { "soa-implemented", LINK_SOA, 0 },
  [FIG_SOA_THEME_5] = { "soa-theme-5", LINK_SOA, 5 },
  { "soa-theme-6", LINK_SOA, 6 },
  { "soa-theme-7", LINK_SOA, 7 },
  { "soa-theme-8", LINK_SOA, 8 },
  [FIG_SOA_MISSING] = { "soa-missing-justification", LINK_SOA_MISSING, 0 },
  [FIG_ACTIVITIES_OVERDUE] = { "activities-overdue", LINK_WHEEL, VAERN_WHEEL_MARK_OVERDUE },
  [FIG_ACTIVITIES_UPCOMING] = { "activities-upcoming", LINK_WHEEL, VAERN_WHEEL_MARK_UPCOMING },
  [FIG_DOCUMENTS] = { "documents", LINK_DOCUMENTS, 0 },
  [FIG_DOCUMENTS_REVIEW] = { "documents-review", LINK_DOCUMENTS, VAERN_DOCUMENTS_REVIEW_DUE },
  [FIG_PENDING_APPROVALS] = { "pending-approvals", LINK_DOCUMENTS, VAERN_DOCUMENTS_IN_REVIEW },
  [FIG_LAST_REPORT] = { "last-report", LINK_APPROVALS, 0 },
};

G_STATIC_ASSERT (VAERN_FIGURES_MAX_BANDS == 6);
G_STATIC_ASSERT (VAERN_FIGURES_N_THEMES == 4);

static gboolean
is_finding (Figure figure)
{
  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    if (findings[i] == figure)
      return TRUE;
  return FALSE;
}

/* Following a link */

/* Shows the row's view with the filter that lists what the row counts:
 * through the window (win.go-to), which shows the view and then runs one
 * of the view's own actions. */
static void
row_activated_cb (AdwActionRow      *row,
                  VaernOverviewView *self)
{
  FigureRow *fr = g_object_get_data (G_OBJECT (row), "figure-row");
  GtkWidget *widget = GTK_WIDGET (self);
  Figure figure;
  guint arg;

  if (fr == NULL)
    return;
  figure = fr - self->rows;
  arg = figures[figure].arg;
  switch (figures[figure].link)
    {
    case LINK_REGISTER:
      vaern_view_go_to (widget, "register", "register.show-findings", g_variant_new_uint32 (arg));
      break;
    case LINK_SYSTEMS:
      vaern_view_go_to (widget, "register", "register.show-systems", NULL);
      break;
    case LINK_RISKS:
      vaern_view_go_to (widget, "risks", "risks.show-asset", g_variant_new_int64 (0));
      break;
    case LINK_RISKS_UNDECIDED:
      vaern_view_go_to (widget, "risks", "risks.show-undecided", NULL);
      break;
    case LINK_RISKS_OVERDUE:
      vaern_view_go_to (widget, "risks", "risks.show-overdue", NULL);
      break;
    case LINK_RISKS_BAND:
      vaern_view_go_to (widget, "risks", "risks.show-band", g_variant_new ("(ub)", arg, TRUE));
      break;
    case LINK_SOA:
      vaern_view_go_to (widget, "soa", "soa.show-filtered", g_variant_new ("(ub)", arg, FALSE));
      break;
    case LINK_SOA_MISSING:
      vaern_view_go_to (widget, "soa", "soa.show-filtered", g_variant_new ("(ub)", 0, TRUE));
      break;
    case LINK_WHEEL:
      vaern_view_go_to (widget, "wheel", "wheel.show-state", g_variant_new_uint32 (arg));
      break;
    case LINK_DOCUMENTS:
      vaern_view_go_to (widget, "documents", "documents.show-filter", g_variant_new_uint32 (arg));
      break;
    case LINK_APPROVALS:
      vaern_view_go_to (widget, "documents", "documents.show-approvals", g_variant_new_boolean (TRUE));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
empty_button_cb (VaernOverviewView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", "register");
}

/* The rows */

static GtkWidget *
template_child (VaernOverviewView *self,
                const char        *format,
                const char        *name)
{
  g_autofree char *id = g_strdup_printf (format, name);

  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                    VAERN_TYPE_OVERVIEW_VIEW, id));
}

/* The template's rows, found by name; the titles that have plural forms
 * or come from the catalogue. */
static void
setup_rows (VaernOverviewView *self)
{
  g_autofree char *upcoming = NULL;
  g_autofree char *review = NULL;

  for (guint i = 0; i < N_FIGURES; i++)
    {
      FigureRow *fr = &self->rows[i];

      fr->row = ADW_ACTION_ROW (template_child (self, "%s", figures[i].name));
      fr->count = GTK_LABEL (template_child (self, "%s-count", figures[i].name));
      g_object_set_data (G_OBJECT (fr->row), "figure-row", fr);
      if (!is_finding (i))
        continue;
      fr->attention = ADW_ACTION_ROW (template_child (self, "attention-%s", figures[i].name));
      fr->attention_count = GTK_LABEL (template_child (self, "attention-%s-count",
                                                       figures[i].name));
      g_object_set_data (G_OBJECT (fr->attention), "figure-row", fr);
    }

  for (guint t = 5; t <= 8; t++)
    {
      /* Translators: a row of the overview: an Annex A theme's number and name */
      g_autofree char *title = g_strdup_printf (_("%u %s"), t, vaern_control_theme_label (t));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[FIG_SOA_THEME_5 + t - 5].row),
                                     title);
    }
  upcoming = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: a row of the overview */
                                           "Activities due in the next %u day",
                                           "Activities due in the next %u days",
                                           VAERN_FIGURES_SOON_DAYS),
                              VAERN_FIGURES_SOON_DAYS);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[FIG_ACTIVITIES_UPCOMING].row),
                                 upcoming);
  review = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: the explanation of a row of the overview */
                                         "Overdue, or due within %u day",
                                         "Overdue, or due within %u days",
                                         VAERN_FIGURES_SOON_DAYS),
                            VAERN_FIGURES_SOON_DAYS);
  adw_action_row_set_subtitle (self->rows[FIG_DOCUMENTS_REVIEW].row, review);
}

/* The figures */

/* A screen reader reads the row's title with its count ("Systems
 * without a systemejer: 4"), as the eye does. */
static void
update_accessible_label (AdwActionRow *row,
                         const char   *count)
{
  g_autofree char *label = g_strdup_printf ("%s: %s",
                                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                            count);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
set_count (FigureRow  *fr,
           const char *text,
           gboolean    warning)
{
  gtk_label_set_text (fr->count, text);
  update_accessible_label (fr->row, text);
  if (fr->attention)
    {
      gtk_label_set_text (fr->attention_count, text);
      update_accessible_label (fr->attention, text);
      /* A finding is listed in one place: with the others while there is one. */
      gtk_widget_set_visible (GTK_WIDGET (fr->attention), warning);
      gtk_widget_set_visible (GTK_WIDGET (fr->row), !warning);
    }
  if (warning)
    gtk_widget_add_css_class (GTK_WIDGET (fr->count), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (fr->count), "warning");
}

static void
set_number (VaernOverviewView *self,
            Figure             figure,
            guint              n)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", n);
  set_count (&self->rows[figure], text, is_finding (figure) && n > 0);
}

static void
set_share (VaernOverviewView *self,
           Figure             figure,
           guint              part,
           guint              whole,
           const char        *subtitle)
{
  /* Translators: a share in per cent in the overview; keep %% (a per cent sign) */
  g_autofree char *text = g_strdup_printf (_("%u %%"), vaern_key_figures_percent (part, whole));

  set_count (&self->rows[figure], text, FALSE);
  adw_action_row_set_subtitle (self->rows[figure].row, subtitle);
}

static void
set_subtitle (VaernOverviewView *self,
              Figure             figure,
              const char        *subtitle)
{
  /* A finding's row in "Needs Attention" follows (bound in the template). */
  adw_action_row_set_subtitle (self->rows[figure].row, subtitle);
}

static void
show_register (VaernOverviewView     *self,
               const VaernKeyFigures *f)
{
  g_autofree char *others = NULL;
  g_autofree char *assessed = NULL;

  set_number (self, FIG_SYSTEMS, f->n_systems);
  others = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: the explanation of the overview's count of IT systems */
                                         "And %u other asset",
                                         "And %u other assets", f->n_assets - f->n_systems),
                            f->n_assets - f->n_systems);
  set_subtitle (self, FIG_SYSTEMS, others);
  set_number (self, FIG_NO_OWNER, f->n_systems_no_owner);
  set_number (self, FIG_DPA_MISSING, f->n_dpa_missing);
  set_number (self, FIG_SYSTEMS_REVIEW, f->n_asset_review_overdue);
  assessed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: the explanation of a share in the overview */
                                           "%u of %u system", "%u of %u systems", f->n_systems),
                              f->n_systems_assessed, f->n_systems);
  set_share (self, FIG_SYSTEMS_ASSESSED, f->n_systems_assessed, f->n_systems, assessed);
}

static void
show_risks (VaernOverviewView     *self,
            const VaernKeyFigures *f)
{
  const VaernRiskScale *scale = vaern_document_get_scale (self->document);
  g_autofree char *all = NULL;

  set_number (self, FIG_RISKS, f->n_risks);
  all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      /* Translators: the explanation of the overview's count of risks */
                                      "%u of them assessed", "%u of them assessed",
                                      f->n_risks_assessed),
                         f->n_risks_assessed);
  set_subtitle (self, FIG_RISKS, all);
  set_number (self, FIG_RISKS_UNDECIDED, f->n_risks_undecided);
  set_number (self, FIG_RISKS_REVIEW, f->n_risk_review_overdue);

  for (guint b = 1; b <= VAERN_FIGURES_MAX_BANDS; b++)
    {
      FigureRow *fr = &self->rows[FIG_BAND_1 + b - 1];
      g_autofree char *before = NULL;

      gtk_widget_set_visible (GTK_WIDGET (fr->row), b <= f->n_bands);
      if (b > f->n_bands)
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fr->row), scale->bands[b - 1].label);
      before = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: the overview's count of the risks
                                              * at a level before treatment */
                                             "%u before treatment",
                                             "%u before treatment", f->inherent_by_band[b - 1]),
                                f->inherent_by_band[b - 1]);
      adw_action_row_set_subtitle (fr->row, before);
      set_number (self, FIG_BAND_1 + b - 1, f->residual_by_band[b - 1]);
    }
}

static void
show_soa (VaernOverviewView     *self,
          const VaernKeyFigures *f)
{
  guint applicable = 0, implemented = 0;
  g_autofree char *total = NULL;

  if (f->soa_version == 0)
    {
      set_count (&self->rows[FIG_SOA_VERSION], "", FALSE);
      /* Translators: the overview, when there is no Statement of Applicability */
      set_subtitle (self, FIG_SOA_VERSION, _("None yet"));
    }
  else
    {
      set_number (self, FIG_SOA_VERSION, f->soa_version);
      set_subtitle (self, FIG_SOA_VERSION, f->soa_approved
                                           /* Translators: the state of the SoA's newest version */
                                           ? _("Approved")
                                           /* Translators: the state of the SoA's newest version */
                                           : _("Draft, not approved yet"));
    }
  for (guint t = 0; t < VAERN_FIGURES_N_THEMES; t++)
    {
      g_autofree char *share = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             /* Translators: the explanation of a share in the overview */
                                                             "%u of %u applicable control",
                                                             "%u of %u applicable controls",
                                                             f->soa_applicable[t]),
                                                f->soa_implemented[t], f->soa_applicable[t]);

      set_share (self, FIG_SOA_THEME_5 + t, f->soa_implemented[t], f->soa_applicable[t], share);
      applicable += f->soa_applicable[t];
      implemented += f->soa_implemented[t];
    }
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: the explanation of a share in the overview */
                                        "%u of %u control", "%u of %u controls", applicable),
                           implemented, applicable);
  set_share (self, FIG_SOA_IMPLEMENTED, implemented, applicable, total);
  set_number (self, FIG_SOA_MISSING, f->soa_missing_justification);
}

static void
show_documents (VaernOverviewView     *self,
                const VaernKeyFigures *f)
{
  g_autofree char *pending = NULL;
  g_autofree char *last = NULL;

  set_number (self, FIG_ACTIVITIES_OVERDUE, f->n_activities_overdue);
  set_number (self, FIG_ACTIVITIES_UPCOMING, f->n_activities_upcoming);

  set_number (self, FIG_DOCUMENTS, f->n_documents);
  set_number (self, FIG_DOCUMENTS_REVIEW, f->n_documents_review_due);
  /* The documents the row opens; the SoA draft is the SoA group's. */
  set_number (self, FIG_PENDING_APPROVALS, f->n_documents_in_review);
  if (f->soa_version > 0 && !f->soa_approved)
    /* Translators: the explanation of the overview's count of documents waiting for approval */
    pending = g_strdup (_("The newest version of the SoA waits for approval too"));
  set_subtitle (self, FIG_PENDING_APPROVALS, pending);

  last = f->last_report_approved_on ? vaern_date_format (f->last_report_approved_on)
                                    /* Translators: the overview, when no management report was approved yet */
                                    : g_strdup (_("None yet"));
  set_count (&self->rows[FIG_LAST_REPORT], last, FALSE);
}

static void
refresh (VaernOverviewView *self)
{
  g_autoptr(VaernKeyFigures) f = NULL;
  gboolean any = FALSE;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  self->stale = FALSE;
  if (self->document == NULL)
    return;

  f = vaern_key_figures_compute (self->document, NULL);
  gtk_stack_set_visible_child_name (self->stack, f->n_assets == 0 ? "empty" : "figures");
  show_register (self, f);
  show_risks (self, f);
  show_soa (self, f);
  show_documents (self, f);
  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    any |= gtk_widget_get_visible (GTK_WIDGET (self->rows[findings[i]].attention));
  gtk_widget_set_visible (GTK_WIDGET (self->all_well_row), !any);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  VaernOverviewView *self = user_data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* A change is counted once it has been told in full, and only while the
 * overview is shown; a hidden overview counts again when shown. */
static void
document_changed_cb (VaernOverviewView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE - 10, refresh_idle_cb, self,
                                          NULL);
}

/* The document */

/* The overview counts the document when first shown, so a large document
 * that opens on another page does not wait for it. */
static void
attach (VaernOverviewView *self)
{
  if (self->attached || self->document == NULL)
    return;
  self->attached = TRUE;
  g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* After the window's first frame: the first count reads the risks and
   * the activities, which on a large document takes a moment. */
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_LOW, refresh_idle_cb, self, NULL);
}

static void
vaern_overview_view_set_document (VaernView     *view,
                                  VaernDocument *document)
{
  VaernOverviewView *self = VAERN_OVERVIEW_VIEW (view);

  if (self->document && self->attached)
    g_signal_handlers_disconnect_by_data (self->document, self);
  self->attached = FALSE;
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_set_object (&self->document, document);
  if (document && gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach (self);
}

static void
vaern_overview_view_map (GtkWidget *widget)
{
  VaernOverviewView *self = VAERN_OVERVIEW_VIEW (widget);

  GTK_WIDGET_CLASS (vaern_overview_view_parent_class)->map (widget);
  if (!self->attached)
    attach (self);
  else if (self->stale)
    refresh (self);
}

/* No search here: Ctrl+F goes to the first row. */
static void
vaern_overview_view_focus_search (VaernView *view)
{
  gtk_widget_child_focus (GTK_WIDGET (VAERN_OVERVIEW_VIEW (view)->stack), GTK_DIR_TAB_FORWARD);
}

static void
vaern_overview_view_iface_init (VaernViewInterface *iface)
{
  iface->set_document = vaern_overview_view_set_document;
  iface->focus_search = vaern_overview_view_focus_search;
}

static void
vaern_overview_view_dispose (GObject *object)
{
  VaernOverviewView *self = VAERN_OVERVIEW_VIEW (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->document)
    vaern_overview_view_set_document (VAERN_VIEW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_OVERVIEW_VIEW);
  G_OBJECT_CLASS (vaern_overview_view_parent_class)->dispose (object);
}

static void
vaern_overview_view_class_init (VaernOverviewViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vaern_overview_view_dispose;
  widget_class->map = vaern_overview_view_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernOverviewView, stack);
  gtk_widget_class_bind_template_child (widget_class, VaernOverviewView, all_well_row);
  /* The figures' rows, by name: setup_rows finds them. */
  for (guint i = 0; i < N_FIGURES; i++)
    {
      g_autofree char *count = g_strdup_printf ("%s-count", figures[i].name);

      gtk_widget_class_bind_template_child_full (widget_class, figures[i].name, FALSE, 0);
      gtk_widget_class_bind_template_child_full (widget_class, count, FALSE, 0);
      if (is_finding (i))
        {
          g_autofree char *attention = g_strdup_printf ("attention-%s", figures[i].name);
          g_autofree char *attention_count = g_strdup_printf ("attention-%s-count",
                                                              figures[i].name);

          gtk_widget_class_bind_template_child_full (widget_class, attention, FALSE, 0);
          gtk_widget_class_bind_template_child_full (widget_class, attention_count, FALSE, 0);
        }
    }
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, empty_button_cb);
}

static void
vaern_overview_view_init (VaernOverviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_rows (self);
}

/* For tests */

AdwActionRow *
vaern_overview_view_get_row (VaernOverviewView *self,
                             const char        *name)
{
  g_return_val_if_fail (VAERN_IS_OVERVIEW_VIEW (self), NULL);

  for (guint i = 0; i < N_FIGURES; i++)
    if (g_strcmp0 (figures[i].name, name) == 0)
      {
        FigureRow *fr = &self->rows[i];

        if (fr->attention && gtk_widget_get_visible (GTK_WIDGET (fr->attention)))
          return fr->attention;
        return gtk_widget_get_visible (GTK_WIDGET (fr->row)) ? fr->row : NULL;
      }
  return NULL;
}

const char *
vaern_overview_view_get_count (VaernOverviewView *self,
                               const char        *name)
{
  AdwActionRow *row = vaern_overview_view_get_row (self, name);
  FigureRow *fr = row ? g_object_get_data (G_OBJECT (row), "figure-row") : NULL;

  if (fr == NULL)
    return NULL;
  return gtk_label_get_text (row == fr->attention ? fr->attention_count : fr->count);
}

gboolean
vaern_overview_view_is_empty (VaernOverviewView *self)
{
  g_return_val_if_fail (VAERN_IS_OVERVIEW_VIEW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}
