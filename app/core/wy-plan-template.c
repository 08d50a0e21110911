/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-plan-template.h"
#include "wuyou/wy-record.h"

/* The city implementation plan (seeds/002): its tasks, phases and
 * milestones, dated as the plan dates them. The texts are msgids,
 * translated when a ledger is created, so a ledger made under zh_CN holds
 * the plan's own Chinese wording; one made under another language holds
 * the msgids, which wy_plan_text_localize() translates when read. */

/* A text of the plan: its msgid, and the plan's own Chinese words, which
 * the official forms (台账) carry whatever the interface language. */
typedef struct {
  const char *msgid;
  const char *zh;
} TemplateText;

typedef struct {
  TemplateText title;
  TemplateText lead_units;
  TemplateText co_units;
  const char  *deadline;
} TemplateTask;

static const TemplateTask tasks[] = {
  { { N_("Baseline survey of all self-managed and three-none compounds, entered into the property-management information system"), "摸清自管小区、三无小区底数，录入物业管理信息系统" },
    { N_("People's governments of all counties (cities, districts); administrative committees of city-level parks"), "各县(市、区)人民政府、市直园区管委会" },
    { N_("City Housing and Urban-Rural Development Bureau"), "市住房城乡建设局" },
    "2022-08-31" },
  { { N_("Delimit property-service areas"), "划定物业服务区域" },
    { N_("People's governments of all counties (cities, districts); administrative committees of city-level parks"), "各县(市、区)人民政府、市直园区管委会" },
    { N_("City Housing and Urban-Rural Development Bureau"), "市住房城乡建设局" },
    "2022-08-31" },
  { { N_("Community assistance mechanism: one assistance unit per community, two-year term"), "推行社区帮扶机制：一个单位帮扶一个社区，帮扶期限2年" },
    { N_("Organization Department of the City Party Committee"), "市委组织部" },
    { N_("Working Committee of City-level Organs; people's governments of all counties (cities, districts); administrative committees of city-level parks"), "市直机关工委、各县(市、区)人民政府、市直园区管委会" },
    "2022-09-30" },
  { { N_("Set up owners' self-governance organizations and their rules"), "推动成立小区业主自治组织并制定相关规则" },
    { N_("People's governments of all counties (cities, districts); administrative committees of city-level parks"), "各县(市、区)人民政府、市直园区管委会" },
    { N_("City Housing and Urban-Rural Development Bureau; City Civil Affairs Bureau; all assistance units"), "市住房城乡建设局、市民政局、各帮扶单位" },
    "2023-12-31" },
  { { N_("Grid staff for every compound"), "配备小区网格管理人员" },
    { N_("Political and Legal Affairs Commission of the City Party Committee"), "市委政法委" },
    { N_("City Civil Affairs Bureau; City Public Security Bureau; people's governments of all counties (cities, districts); administrative committees of city-level parks; all assistance units"), "市民政局、市公安局、各县(市、区)人民政府、市直园区管委会、各帮扶单位" },
    "2022-12-31" },
  { { N_("Improve compound safety and protection facilities"), "完善小区安全防护设施" },
    { N_("People's governments of all counties (cities, districts); administrative committees of city-level parks"), "各县(市、区)人民政府、市直园区管委会" },
    { N_("Political and Legal Affairs Commission of the City Party Committee; City Public Security Bureau; all assistance units"), "市委政法委、市公安局、各帮扶单位" },
    "2023-06-30" },
  { { N_("Property service for every compound by governance mode"), "分类实现小区物业化管理" },
    { N_("People's governments of all counties (cities, districts); administrative committees of city-level parks"), "各县(市、区)人民政府、市直园区管委会" },
    { N_("All assistance units"), "各帮扶单位" },
    "2023-12-31" },
};

typedef struct {
  TemplateText name;
  const char  *due;
} TemplateMilestone;

typedef struct {
  TemplateText       name;
  const char        *start;
  const char        *end;
  TemplateMilestone  milestones[4];
} TemplatePhase;

static const TemplatePhase phases[] = {
  { { N_("Mobilisation and assistance pairing"), "动员部署、帮扶联系" }, "2022-07-01", "2022-09-30", {
      { { N_("Baseline survey of all compounds done"), "完成小区基本情况摸底" }, "2022-08-31" },
      { { N_("Problem list of every compound drawn up"), "列出每个小区的问题清单" }, "2022-09-30" },
      { { N_("Assistance units have surveyed their communities"), "帮扶单位完成所帮扶社区调研" }, "2022-09-30" },
    } },
  { { N_("Pilots first"), "试点先行、逐步探索" }, "2022-10-01", "2022-12-31", {
      { { N_("3 to 5 pilot compounds per district chosen and worked through"), "每个县(市、区)选择3至5个试点小区先行先试" }, "2022-12-31" },
    } },
  { { N_("Full roll-out by category"), "分类施策、全面推进" }, "2023-01-01", "2023-06-30", {
      { { N_("Work ledger set up and items signed off one by one"), "建立工作台账，实行销号管理" }, "2023-06-30" },
    } },
  { { N_("Rules and consolidation"), "建章立制、巩固提升" }, "2023-07-01", "2023-12-31", {
      { { N_("On-site review meeting held"), "召开现场观摩会" }, "2023-12-31" },
      { { N_("Good examples commended"), "表彰先进典型" }, "2023-12-31" },
      { { N_("Long-term management mechanism in place"), "形成治理长效机制" }, "2023-12-31" },
    } },
};

static const struct {
  TemplateText name;
  TemplateText description;
} targets[] = {
  { { N_("Owners' self-governance organization"), "有业主自治组织" },
    { N_("An owners' committee, self-management committee or supervisory group, with the management covenant, rules of procedure of the owners' assembly and committee work rules adopted"), "成立业主委员会、自管委或监督小组，制定《管理规约》《业主大会议事规则》《业主委员会工作规则》" } },
  { { N_("Safety and protection facilities"), "有安全防护设施" },
    { N_("Enclosure railings or access control, video surveillance at entrances and key spots; drainage, lighting, roads, e-bike charging and fire facilities"), "通透式防护栏或门禁，重要出入口和重点部位安装视频监控；完善排污、照明、路面、电瓶车充电、消防等设施" } },
  { { N_("Basic property service"), "有基本物业服务" },
    { N_("Basic cleaning, basic facility repair and basic order"), "基本清扫保洁、基本设施维修、基本秩序维护" } },
  { { N_("Clean and tidy environment"), "有干净整洁环境" }, { NULL, NULL } },
  { { N_("Long-term management mechanism"), "有长效管理机制" },
    { N_("Funding, rules and people that keep it working after the campaign"), "集中治理结束后，保持长效运转的资金、制度和人员" } },
};

static const struct {
  const char   *code;
  TemplateText  name;
  TemplateText  description;
} modes[] = {
  { "professional", { N_("Professional property management"), "专业物业管理型" },
    { N_("For larger compounds whose owners can pay: owners hire a property service company"), "适用于规模较大、业主经济承受能力较强的小区：业主选聘物业服务企业" } },
  { "resident", { N_("Resident self-management"), "居民自管型" },
    { N_("The residents' committee guides residents to manage the compound themselves"), "由社区居民委员会引导居民自治管理" } },
  { "custodial", { N_("Community custodial"), "社区托管型" },
    { N_("The community or street appoints a basic service provider until residents can manage themselves"), "在居民能够自治管理前，由街道、社区确定基本物业服务人" } },
};

/* Every template text, by its msgid. */
static GHashTable *
build_text_index (void)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

#define ADD(text) G_STMT_START { \
    if ((text).msgid != NULL) \
      g_hash_table_insert (index, (gpointer) (text).msgid, (gpointer) &(text)); \
  } G_STMT_END
  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      ADD (tasks[i].title);
      ADD (tasks[i].lead_units);
      ADD (tasks[i].co_units);
    }
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      ADD (phases[i].name);
      for (guint m = 0; m < G_N_ELEMENTS (phases[i].milestones); m++)
        ADD (phases[i].milestones[m].name);
    }
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      ADD (targets[i].name);
      ADD (targets[i].description);
    }
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      ADD (modes[i].name);
      ADD (modes[i].description);
    }
#undef ADD

  return index;
}

static const TemplateText *
find_template_text (const char *stored)
{
  static gsize built = 0;
  static GHashTable *index = NULL;

  if (g_once_init_enter (&built))
    {
      index = build_text_index ();
      g_once_init_leave (&built, 1);
    }

  return stored != NULL ? g_hash_table_lookup (index, stored) : NULL;
}

const char *
wy_plan_text_localize (const char *stored)
{
  const TemplateText *text = find_template_text (stored);

  return text != NULL ? _(text->msgid) : stored;
}

const char *
wy_plan_text_official (const char *stored)
{
  const TemplateText *text = find_template_text (stored);

  return text != NULL ? text->zh : stored;
}

void
wy_plan_default_start (GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, WY_PLAN_DEFAULT_START_DAY, WY_PLAN_DEFAULT_START_MONTH,
                  WY_PLAN_DEFAULT_START_YEAR);
}

static void
set_shifted_date (WyRecord   *record,
                  const char *field,
                  const char *iso,
                  int         days)
{
  g_autofree char *shifted = wy_date_iso_add_days (iso, days);

  wy_record_set (record, field, shifted);
}

static gint64
insert_new (WyStore   *store,
            WyRecord  *record,
            GError   **error)
{
  g_autoptr(WyRecord) owned = record;

  return wy_store_insert (store, owned, error);
}

gboolean
wy_plan_template_apply (WyStore      *store,
                        const GDate  *plan_start,
                        GError      **error)
{
  GDate default_start;
  int days = 0;

  g_return_val_if_fail (WY_IS_STORE (store), FALSE);

  wy_plan_default_start (&default_start);
  if (plan_start != NULL)
    days = g_date_days_between (&default_start, plan_start);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      WyRecord *target = wy_record_new (WY_TABLE_TARGET);

      wy_record_set_int (target, "ordinal", i + 1);
      wy_record_set (target, "name", _(targets[i].name.msgid));
      if (targets[i].description.msgid != NULL)
        wy_record_set (target, "description", _(targets[i].description.msgid));
      wy_record_set_bool (target, "active", TRUE);
      if (insert_new (store, target, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      WyRecord *mode = wy_record_new (WY_TABLE_GOVERNANCE_MODE);

      wy_record_set (mode, "code", modes[i].code);
      wy_record_set (mode, "name", _(modes[i].name.msgid));
      wy_record_set (mode, "description", _(modes[i].description.msgid));
      if (insert_new (store, mode, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      WyRecord *task = wy_record_new (WY_TABLE_TASK);

      wy_record_set_int (task, "ordinal", i + 1);
      wy_record_set (task, "title", _(tasks[i].title.msgid));
      wy_record_set (task, "lead_units", _(tasks[i].lead_units.msgid));
      wy_record_set (task, "co_units", _(tasks[i].co_units.msgid));
      set_shifted_date (task, "deadline", tasks[i].deadline, days);
      wy_record_set_int (task, "progress", 0);
      wy_record_set (task, "status", WY_TASK_NOT_STARTED);
      wy_record_set_bool (task, "from_plan", TRUE);
      if (insert_new (store, task, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      WyRecord *phase = wy_record_new (WY_TABLE_PHASE);
      gint64 phase_id;

      wy_record_set_int (phase, "ordinal", i + 1);
      wy_record_set (phase, "name", _(phases[i].name.msgid));
      set_shifted_date (phase, "start_date", phases[i].start, days);
      set_shifted_date (phase, "end_date", phases[i].end, days);
      phase_id = insert_new (store, phase, error);
      if (phase_id == 0)
        return FALSE;

      for (guint m = 0; m < G_N_ELEMENTS (phases[i].milestones) && phases[i].milestones[m].name.msgid != NULL; m++)
        {
          WyRecord *milestone = wy_record_new (WY_TABLE_MILESTONE);

          wy_record_set_int (milestone, "phase_id", phase_id);
          wy_record_set_int (milestone, "ordinal", m + 1);
          wy_record_set (milestone, "name", _(phases[i].milestones[m].name.msgid));
          set_shifted_date (milestone, "due_date", phases[i].milestones[m].due, days);
          wy_record_set_bool (milestone, "done", FALSE);
          if (insert_new (store, milestone, error) == 0)
            return FALSE;
        }
    }

  return TRUE;
}
