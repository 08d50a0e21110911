/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-demo.h"
#include "wuyou/wy-plan-template.h"
#include "wuyou/wy-record.h"
#include "wuyou/wy-store.h"

/* A fictional street office (or, for large sizes, a fictional district of
 * many streets) written into a new ledger. Everything here is data, not
 * user-interface text: it stays Chinese in every locale, like a real
 * ledger would. All names, units and phone numbers are invented; phone
 * numbers follow the obviously fake 1380000xxxx pattern.
 *
 * The output depends only on (n_compounds, today): one GRand with a seed
 * made of both, and no clock. Dates are spread around today so that every
 * status light occurs: overdue, due within the warning window, on
 * schedule and done. */

#define COMPOUNDS_PER_COMMUNITY 40
#define COMMUNITIES_PER_STREET  15
#define STREETS_PER_DISTRICT    20
#define MIN_COMMUNITIES         4
#define MAX_TARGETS             16
#define MAX_PROBLEMS            6

/* ------------------------------------------------------------------ */
/* Data pools                                                          */

static const char * const district_names[] = {
  "示范区", "云溪区", "松林区", "石桥县", "柳河县", "青峰区", "白鹭湖区", "金川县",
};

static const char * const street_names[STREETS_PER_DISTRICT] = {
  "青松街道", "翠柏街道", "梧桐街道", "杨柳街道", "银杏街道",
  "香樟街道", "海棠街道", "丁香街道", "玉兰街道", "桂花街道",
  "紫荆街道", "芙蓉街道", "红梅街道", "白桦街道", "枫林街道",
  "竹园街道", "兰苑街道", "荷塘街道", "菊香街道", "松涛街道",
};

static const char * const community_names[COMMUNITIES_PER_STREET] = {
  "东门社区", "西城社区", "南苑社区", "北湖社区", "中山社区",
  "新华社区", "解放社区", "胜利社区", "和平社区", "建设社区",
  "文化社区", "幸福社区", "友谊社区", "光明社区", "团结社区",
};

typedef struct {
  const char *name;
  const char *unit;   /* 原产权单位, NULL when there never was one */
} CompoundName;

static const CompoundName compound_names[] = {
  { "纺织厂宿舍", "市纺织厂" },
  { "粮站家属院", "县粮食局" },
  { "老税务局宿舍", "区税务局" },
  { "机械厂小区", "市第二机械厂（已改制）" },
  { "供销社家属院", "县供销合作社" },
  { "农机站宿舍", "县农机管理站" },
  { "棉纺厂生活区", "市棉纺织总厂（已破产）" },
  { "化肥厂宿舍", "市化肥厂（已破产）" },
  { "电业局老宿舍", "市供电公司" },
  { "自来水公司家属院", "市自来水公司" },
  { "邮电局宿舍", "市邮政分公司" },
  { "印刷厂小区", "市印刷厂（已改制）" },
  { "二中教师楼", "市第二中学" },
  { "人民医院老家属院", "市人民医院" },
  { "交通局宿舍", "县交通运输局" },
  { "食品公司家属院", "市食品公司（已改制）" },
  { "百货大楼宿舍", "市百货大楼（已改制）" },
  { "酒厂家属院", "县酒厂（已破产）" },
  { "运输公司宿舍", "市汽车运输公司" },
  { "水利局家属院", "县水利局" },
  { "林业局宿舍", "县林业局" },
  { "五金厂小区", "市五金厂（已破产）" },
  { "面粉厂宿舍", "县面粉厂（已破产）" },
  { "玻璃厂生活区", "市玻璃厂（已改制）" },
  { "物资局家属院", "市物资局" },
  { "商业局宿舍", "市商业局" },
  { "卫生局家属楼", "区卫生健康局" },
  { "轴承厂小区", "市轴承厂（已改制）" },
  { "造纸厂宿舍", "县造纸厂（已破产）" },
  { "电影公司宿舍", "市电影发行放映公司" },
  { "气象站宿舍", "县气象局" },
  { "银行老宿舍", "市农业银行支行" },
  { "二轻局小区", "市二轻工业局" },
  { "烟草公司老宿舍", "县烟草公司" },
  { "砖瓦厂宿舍", "县砖瓦厂（已破产）" },
  { "光明小区", NULL },
  { "建设小区", NULL },
  { "团结新村", NULL },
  { "工农新村", NULL },
  { "向阳小区", NULL },
  { "东风小区", NULL },
  { "红旗小区", NULL },
  { "朝阳小区", NULL },
  { "幸福里小区", NULL },
  { "安居小区", NULL },
  { "丰收小区", NULL },
  { "前进小区", NULL },
  { "育才小区", NULL },
};

static const char * const lanes[] = {
  "和平巷", "文化路", "建设巷", "人民路", "解放街", "新华巷", "北关街", "南关街",
  "东风路", "红旗巷", "胜利街", "工农巷", "纺织路", "粮站街", "光明巷", "西大街",
};

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
  "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
};

static const char * const given_names[] = {
  "建国", "秀兰", "国强", "桂英", "志刚", "丽娟", "德明", "玉梅", "卫东", "海燕",
  "红霞", "建华", "淑珍", "明亮", "春花", "永胜", "晓东", "凤英", "振华", "金凤",
  "文斌", "雪梅", "长青", "丽萍",
};

static const char * const assistance_units[] = {
  "市住房和城乡建设局", "市民政局", "市公安局", "市财政局", "市自然资源和规划局",
  "市城市管理局", "市卫生健康委员会", "市教育局", "市司法局", "市市场监督管理局",
  "区住房和城乡建设局", "区民政局", "区城市管理局", "区财政局", "区应急管理局",
  "区人力资源和社会保障局",
};

static const char * const property_companies[] = {
  "安居物业服务有限公司", "惠民物业管理有限公司", "邻里家物业服务有限公司",
  "宜居物业管理有限公司", "和美物业服务有限公司",
};

static const char * const org_names[] = {
  NULL, "业主委员会", "自管委", "业主监督小组",
};

static const char * const org_codes[] = {
  "none", "owners_committee", "self_management_committee", "supervisory_group",
};

typedef struct {
  const char *description;
  const char *measure;
  const char *unit;     /* responsible unit; "%s" = the community */
} ProblemText;

/* One list per target, in the order of the five haves, then safety
 * hazards and other problems. */
static const ProblemText problems_org[] = {
  { "尚未成立业主自治组织，小区事务无人牵头", "由社区指导成立业主委员会筹备组，组织召开首次业主大会", "%s居民委员会" },
  { "管理规约未经业主大会表决通过", "起草管理规约，入户征求意见后提交业主大会表决", "%s居民委员会" },
  { "业主委员会工作规则缺失，议事程序不规范", "参照示范文本制定业主委员会工作规则并公示", "街道社区建设办" },
  { "自管委成员长期空缺两人", "组织楼栋长推选补齐自管委成员", "%s居民委员会" },
};

static const ProblemText problems_safety_fac[] = {
  { "东侧围墙倒塌约20米，外来人员随意进出", "修复围墙并加装通透式防护栏", "街道城市建设办" },
  { "小区出入口未安装视频监控", "在出入口及主要路口安装高清摄像头并接入社区平台", "街道平安办" },
  { "单元门禁损坏，无法正常关闭", "更换单元门禁系统", "原产权单位" },
  { "电瓶车楼道充电、飞线充电现象突出", "建设集中充电车棚，清理楼道充电线路", "街道安全生产办" },
  { "排污管道老化堵塞，雨天污水外溢", "疏通并改造雨污管网", "区住房和城乡建设局" },
  { "院内路灯损坏，夜间无照明", "更换路灯灯具，增设楼道感应灯", "街道城市建设办" },
  { "主干道路面破损、坑洼积水", "对破损路面进行硬化修补", "区住房和城乡建设局" },
  { "消防栓无水，灭火器过期", "维修消防栓，更换配齐灭火器", "区消防救援大队" },
};

static const ProblemText problems_service[] = {
  { "楼道、道路无人清扫保洁", "聘请保洁员，明确保洁频次", "%s居民委员会" },
  { "公共设施损坏无人维修", "建立报修登记制度，明确维修责任人", "街道物业管理办" },
  { "无人巡查，车辆乱停乱放", "划定停车位，安排专人巡查劝导", "街道平安办" },
  { "未引入基本物业服务", "按社区托管方式引入基本物业服务", "街道物业管理办" },
};

static const ProblemText problems_environment[] = {
  { "楼道堆放杂物，占用疏散通道", "开展楼道清理专项行动", "%s居民委员会" },
  { "绿化带被私自开垦种菜", "清理复绿，签订绿化管护承诺书", "街道城市管理中队" },
  { "垃圾桶数量不足，垃圾满溢", "增设分类垃圾桶，调整清运频次", "街道环卫所" },
  { "院内私搭乱建彩钢棚三处", "依法拆除违章搭建", "街道城市管理中队" },
};

static const ProblemText problems_mechanism[] = {
  { "物业服务费收缴率不足四成", "入户宣传，公示收支，逐户动员缴费", "%s居民委员会" },
  { "公共收益未建立公开制度", "制定公共收益管理办法，每季度公示", "街道物业管理办" },
  { "维修资金无来源，缺少长效保障", "协调原产权单位和居民共同筹集维修资金", "原产权单位" },
};

static const ProblemText problems_hazard[] = {
  { "屋顶防水层老化，雨季严重渗漏", "实施屋面防水维修", "区住房和城乡建设局" },
  { "外墙空调支架锈蚀，存在坠落隐患", "逐户排查并更换锈蚀支架", "街道安全生产办" },
  { "燃气管道裸露锈蚀", "联系燃气公司更换管道并加装防护", "市燃气公司" },
  { "院内配电箱老化，存在漏电隐患", "更换配电箱，规范线路敷设", "市供电公司" },
};

static const ProblemText problems_other[] = {
  { "小区信息未录入物业管理信息系统", "补录小区基础信息", "%s居民委员会" },
  { "居民反映院内流浪犬较多", "联系相关部门集中处置", "街道综合执法队" },
  { "产权移交遗留问题未解决", "协调原产权单位办理移交手续", "街道城市建设办" },
};

typedef struct {
  const ProblemText *texts;
  guint              n_texts;
} ProblemPool;

#define POOL(a) { a, G_N_ELEMENTS (a) }

static const ProblemPool target_pools[] = {
  POOL (problems_org),
  POOL (problems_safety_fac),
  POOL (problems_service),
  POOL (problems_environment),
  POOL (problems_mechanism),
};
static const ProblemPool hazard_pool = POOL (problems_hazard);
static const ProblemPool other_pool = POOL (problems_other);

static const char * const target_evidence[] = {
  "业主委员会备案回执、管理规约及议事规则表决记录",
  "防护栏、门禁及监控验收照片",
  "保洁、维修、秩序维护服务协议",
  "环境整治前后对比照片及社区验收表",
  "经费筹集方案、公共收益公示及长效管理制度",
};

static const char * const progress_texts[] = {
  "已与施工单位对接，现场勘查完毕",
  "整改方案已经楼栋长会议讨论通过",
  "所需资金已落实，材料正在采购",
  "已开工，完成工程量约一半",
  "帮扶单位协调资金到位，正在施工",
  "已入户征求意见，多数居民同意",
};

static const char * const activity_texts[] = {
  "入户走访，摸排小区问题底数",
  "协调资金为小区安装监控探头",
  "指导成立业主委员会筹备组",
  "组织党员志愿者清理楼道杂物",
  "召开帮扶工作座谈会，研究整改计划",
  "捐赠路灯及灭火器一批",
  "联系原产权单位，协商维修资金分担",
};

static const char * const consultation_topics[] = {
  "电瓶车集中充电桩选址",
  "防护栏安装方案及费用分摊",
  "引入社区托管物业服务",
  "楼道杂物清理及长效管理",
  "公共收益使用公示",
  "停车位划定与管理",
};

static const char * const funding_purposes[] = {
  "安装通透式防护栏", "增设视频监控", "电瓶车集中充电设施建设", "楼道粉刷及照明改造",
  "雨污管网疏通改造", "破损路面硬化", "消防器材配置", "物业服务启动资金",
};

static const char * const funding_codes[] = {
  "residents", "original_unit", "donation", "social_capital", "fiscal",
};

/* ------------------------------------------------------------------ */

typedef enum {
  MODE_PROFESSIONAL,
  MODE_SELF,
  MODE_CUSTODIAL,
  N_MODES,
} Mode;

typedef struct {
  WyStore  *store;
  GRand    *rand;
  guint32   today;          /* Julian day numbers */
  guint32   plan_start;
  guint     n;

  guint     n_districts;
  guint     n_streets;
  guint     n_communities;
  gint64   *district_ids;
  gint64   *street_ids;
  gint64   *community_ids;
  gint64   *unit_ids;
  guint    *street_district;   /* street -> district index */
  guint    *community_street;  /* community -> street index */
  guint    *community_first;   /* first compound index, n_communities + 1 */
  gint64   *compound_ids;
  guint8   *pilot;

  gint64    target_ids[MAX_TARGETS];
  guint     n_targets;
  gint64    mode_ids[N_MODES];
  gint64    leadership_id;  /* the latest leadership meeting */

  gboolean  funded[5];       /* sources used so far */
  guint     phone_counter;
  guint     problem_counter;
} Demo;

typedef struct {
  const ProblemText *text;
  const char        *category;
  int                target;      /* -1: none */
  const char        *status;
  guint32            raised;
  guint32            deadline;
  guint32            signed_off;  /* 0 unless signed off */
  gboolean           inspected;
} ProblemPlan;

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

static int
rnd (Demo *demo,
     int   lo,
     int   hi)   /* inclusive */
{
  return g_rand_int_range (demo->rand, lo, hi + 1);
}

static gboolean
chance (Demo   *demo,
        double  p)
{
  return g_rand_double (demo->rand) < p;
}

#define PICK(demo, array) ((array)[g_rand_int_range ((demo)->rand, 0, G_N_ELEMENTS (array))])

static guint32
clamp_day (guint32 day,
           guint32 lo,
           guint32 hi)
{
  if (hi < lo)
    return lo;
  return CLAMP (day, lo, hi);
}

static void
format_day (char    buffer[16],
            guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, MAX (julian, 1));
  g_snprintf (buffer, 16, "%04u-%02u-%02u",
              (unsigned) g_date_get_year (&date),
              (unsigned) g_date_get_month (&date),
              (unsigned) g_date_get_day (&date));
}

static void
set_day (WyRecord   *record,
         const char *field,
         guint32     julian)
{
  char buffer[16];

  format_day (buffer, julian);
  wy_record_set (record, field, buffer);
}

static guint32
parse_day (const char *iso)
{
  GDate date;

  if (!wy_date_parse (iso, &date))
    return 0;
  return g_date_get_julian (&date);
}

static void
set_ref (WyRecord   *record,
         const char *field,
         gint64      id)
{
  if (id > 0)
    wy_record_set_int (record, field, id);
}

static void
set_money (WyRecord   *record,
           const char *field,
           double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  wy_record_set (record, field, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static char *
person (Demo *demo)
{
  return g_strconcat (PICK (demo, surnames), PICK (demo, given_names), NULL);
}

static char *
phone (Demo *demo)
{
  /* 138 0000 xxxx, then 139 0000 xxxx…: plainly not real numbers */
  guint k = ++demo->phone_counter;

  return g_strdup_printf ("13%u0000%04u", (8 + k / 10000) % 10, k % 10000);
}

/* Inserts and drops the record; *out_id gets its id. */
static gboolean
insert (Demo      *demo,
        WyRecord  *record,
        gint64    *out_id,
        GError   **error)
{
  GError *local_error = NULL;
  gint64 id = wy_store_insert (demo->store, record, &local_error);

  if (id <= 0)
    {
      if (local_error == NULL)
        local_error = g_error_new (WY_STORE_ERROR, WY_STORE_ERROR_FAILED,
                                   "Could not insert a row into “%s”.",
                                   wy_record_get_info (record)->name);
      wy_record_unref (record);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  wy_record_unref (record);
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

static gboolean
update_day (Demo        *demo,
            WyTable      table,
            gint64       id,
            const char  *field,
            guint32      julian,
            GError     **error)
{
  char buffer[16];

  format_day (buffer, julian);
  return wy_store_update_field (demo->store, table, id, field, buffer, error);
}

static gboolean
update_int (Demo        *demo,
            WyTable      table,
            gint64       id,
            const char  *field,
            gint64       value,
            GError     **error)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  return wy_store_update_field (demo->store, table, id, field, buffer, error);
}

/* ------------------------------------------------------------------ */
/* The shape of the ledger                                             */

static void
plan_layout (Demo *demo)
{
  guint n = demo->n;

  demo->n_communities = MAX (MIN_COMMUNITIES, (n + COMPOUNDS_PER_COMMUNITY - 1) / COMPOUNDS_PER_COMMUNITY);
  demo->n_streets = (demo->n_communities + COMMUNITIES_PER_STREET - 1) / COMMUNITIES_PER_STREET;
  demo->n_districts = (demo->n_streets + STREETS_PER_DISTRICT - 1) / STREETS_PER_DISTRICT;

  demo->district_ids = g_new0 (gint64, demo->n_districts);
  demo->street_ids = g_new0 (gint64, demo->n_streets);
  demo->community_ids = g_new0 (gint64, demo->n_communities);
  demo->unit_ids = g_new0 (gint64, demo->n_communities);
  demo->street_district = g_new0 (guint, demo->n_streets);
  demo->community_street = g_new0 (guint, demo->n_communities);
  demo->community_first = g_new0 (guint, demo->n_communities + 1);
  demo->compound_ids = g_new0 (gint64, MAX (n, 1));
  demo->pilot = g_new0 (guint8, MAX (n, 1));

  /* Even, contiguous blocks at every level. */
  for (guint s = 0; s < demo->n_streets; s++)
    demo->street_district[s] = (guint) ((guint64) s * demo->n_districts / demo->n_streets);
  for (guint c = 0; c < demo->n_communities; c++)
    demo->community_street[c] = (guint) ((guint64) c * demo->n_streets / demo->n_communities);
  for (guint c = 0; c <= demo->n_communities; c++)
    demo->community_first[c] = (guint) ((guint64) c * n / demo->n_communities);
}

static void
choose_pilots (Demo *demo)
{
  /* 3 to 5 per district, among the district's compounds */
  for (guint d = 0; d < demo->n_districts; d++)
    {
      guint first = G_MAXUINT, last = 0, count, wanted;

      for (guint c = 0; c < demo->n_communities; c++)
        if (demo->street_district[demo->community_street[c]] == d)
          {
            first = MIN (first, demo->community_first[c]);
            last = MAX (last, demo->community_first[c + 1]);
          }
      if (first >= last)
        continue;

      count = last - first;
      wanted = MIN (count, (guint) rnd (demo, 3, 5));
      for (guint chosen = 0; chosen < wanted;)
        {
          guint i = first + (guint) rnd (demo, 0, (int) count - 1);

          if (!demo->pilot[i])
            {
              demo->pilot[i] = TRUE;
              chosen++;
            }
        }
    }
}

static gboolean
write_places (Demo    *demo,
              GError **error)
{
  for (guint d = 0; d < demo->n_districts; d++)
    {
      WyRecord *record = wy_record_new (WY_TABLE_DISTRICT);
      g_autofree char *name = NULL;

      if (d < G_N_ELEMENTS (district_names))
        name = g_strdup (district_names[d]);
      else
        name = g_strdup_printf ("示范%u区", d + 1);
      wy_record_set (record, "name", name);
      if (!insert (demo, record, &demo->district_ids[d], error))
        return FALSE;
    }

  for (guint s = 0, in_district = 0; s < demo->n_streets; s++)
    {
      WyRecord *record = wy_record_new (WY_TABLE_STREET);

      if (s > 0 && demo->street_district[s] != demo->street_district[s - 1])
        in_district = 0;
      set_ref (record, "district_id", demo->district_ids[demo->street_district[s]]);
      wy_record_set (record, "name", street_names[in_district++ % STREETS_PER_DISTRICT]);
      if (!insert (demo, record, &demo->street_ids[s], error))
        return FALSE;
    }

  for (guint c = 0, in_street = 0; c < demo->n_communities; c++)
    {
      WyRecord *record = wy_record_new (WY_TABLE_COMMUNITY);

      if (c > 0 && demo->community_street[c] != demo->community_street[c - 1])
        in_street = 0;
      set_ref (record, "street_id", demo->street_ids[demo->community_street[c]]);
      wy_record_set (record, "name", community_names[in_street++ % COMMUNITIES_PER_STREET]);
      if (!insert (demo, record, &demo->community_ids[c], error))
        return FALSE;
    }

  return TRUE;
}

static const char *
community_name (Demo  *demo,
                guint  c)
{
  guint first = c;

  while (first > 0 && demo->community_street[first - 1] == demo->community_street[c])
    first--;
  return community_names[(c - first) % COMMUNITIES_PER_STREET];
}

static const char *
street_name (Demo  *demo,
             guint  s)
{
  guint first = s;

  while (first > 0 && demo->street_district[first - 1] == demo->street_district[s])
    first--;
  return street_names[(s - first) % STREETS_PER_DISTRICT];
}

/* ------------------------------------------------------------------ */
/* The plan template: mark its tasks and milestones as a real street
 * office eight months into the plan would have them. */

static gboolean
read_template (Demo    *demo,
               GError **error)
{
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) modes = NULL;
  gboolean assigned[N_MODES] = { FALSE, };

  targets = wy_store_list (demo->store, WY_TABLE_TARGET, 0, error);
  if (targets == NULL)
    return FALSE;
  for (guint i = 0; i < targets->len && demo->n_targets < MAX_TARGETS; i++)
    {
      WyRecord *target = g_ptr_array_index (targets, i);

      if (wy_record_get (target, "active") == NULL || wy_record_get_bool (target, "active"))
        demo->target_ids[demo->n_targets++] = wy_record_get_id (target);
    }

  modes = wy_store_list (demo->store, WY_TABLE_GOVERNANCE_MODE, 0, error);
  if (modes == NULL)
    return FALSE;

  /* Match the modes by their code, falling back to the template order
   * (professional, self-management, custodial). */
  for (guint i = 0; i < modes->len; i++)
    {
      WyRecord *mode = g_ptr_array_index (modes, i);
      const char *code = wy_record_get (mode, "code");
      int slot = -1;

      if (code != NULL && strstr (code, "prof") != NULL)
        slot = MODE_PROFESSIONAL;
      else if (code != NULL && strstr (code, "custod") != NULL)
        slot = MODE_CUSTODIAL;
      else if (code != NULL && (strstr (code, "self") != NULL || strstr (code, "resident") != NULL))
        slot = MODE_SELF;
      if (slot >= 0 && !assigned[slot])
        {
          demo->mode_ids[slot] = wy_record_get_id (mode);
          assigned[slot] = TRUE;
        }
    }
  for (guint i = 0, slot = 0; i < modes->len; i++)
    {
      gint64 id = wy_record_get_id (g_ptr_array_index (modes, i));
      gboolean used = FALSE;

      for (guint k = 0; k < N_MODES; k++)
        used |= assigned[k] && demo->mode_ids[k] == id;
      if (used)
        continue;
      while (slot < N_MODES && assigned[slot])
        slot++;
      if (slot == N_MODES)
        break;
      demo->mode_ids[slot] = id;
      assigned[slot] = TRUE;
    }

  if (demo->n_targets == 0 || !assigned[MODE_PROFESSIONAL] ||
      !assigned[MODE_SELF] || !assigned[MODE_CUSTODIAL])
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_FAILED,
                   "The new ledger lacks the plan template’s targets or governance modes.");
      return FALSE;
    }

  return TRUE;
}

static const char * const task_notes[] = {
  "已召开专题部署会，明确责任分工",
  "各社区已报送进度，汇总后报领导小组办公室",
  "对进度滞后的社区进行了约谈督办",
  "已完成阶段性目标，转入常态化推进",
};

static gboolean
write_task_notes (Demo        *demo,
                  gint64       task_id,
                  guint32      from,
                  guint32      to,
                  int          final_progress,
                  GError     **error)
{
  int n_notes = to > from + 20 ? rnd (demo, 1, 3) : 1;

  from = MIN (from, to);
  for (int k = 0; k < n_notes; k++)
    {
      WyRecord *note = wy_record_new (WY_TABLE_TASK_NOTE);
      guint32 span = to > from ? to - from : 0;
      g_autofree char *author = person (demo);

      set_ref (note, "task_id", task_id);
      set_day (note, "date", from + span * (guint32) (k + 1) / (guint32) n_notes);
      wy_record_set (note, "text", task_notes[(guint) k % G_N_ELEMENTS (task_notes)]);
      wy_record_set_int (note, "progress", final_progress * (k + 1) / n_notes);
      wy_record_set (note, "author", author);
      if (!insert (demo, note, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
mark_plan_tasks (Demo    *demo,
                 GError **error)
{
  g_autoptr(GPtrArray) tasks = wy_store_list (demo->store, WY_TABLE_TASK, 0, error);
  int latest_past = -1;
  guint32 latest_past_day = 0;

  if (tasks == NULL)
    return FALSE;

  /* The task whose deadline passed most recently stays open: overdue. */
  for (guint i = 0; i < tasks->len; i++)
    {
      guint32 deadline = parse_day (wy_record_get (g_ptr_array_index (tasks, i), "deadline"));

      if (deadline != 0 && deadline < demo->today && deadline >= latest_past_day)
        {
          latest_past = (int) i;
          latest_past_day = deadline;
        }
    }

  for (guint i = 0; i < tasks->len; i++)
    {
      WyRecord *task = g_ptr_array_index (tasks, i);
      gint64 id = wy_record_get_id (task);
      guint32 deadline = parse_day (wy_record_get (task, "deadline"));
      int progress;

      if (deadline == 0)
        continue;

      if (deadline < demo->today && (int) i != latest_past)
        {
          guint32 done = clamp_day (deadline - (guint32) rnd (demo, 0, 20),
                                    demo->plan_start + 1, demo->today - 1);

          if (!wy_store_update_field (demo->store, WY_TABLE_TASK, id, "status", WY_TASK_DONE, error) ||
              !update_int (demo, WY_TABLE_TASK, id, "progress", 100, error) ||
              !update_day (demo, WY_TABLE_TASK, id, "done_date", done, error) ||
              !write_task_notes (demo, id, demo->plan_start + 7, done, 100, error))
            return FALSE;
          continue;
        }

      progress = (int) i == latest_past ? rnd (demo, 70, 90) : rnd (demo, 20, 65);
      if (!wy_store_update_field (demo->store, WY_TABLE_TASK, id, "status", WY_TASK_IN_PROGRESS, error) ||
          !update_int (demo, WY_TABLE_TASK, id, "progress", progress, error) ||
          !write_task_notes (demo, id, demo->plan_start + 7, demo->today - (guint32) rnd (demo, 1, 10),
                             progress, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
mark_milestones (Demo    *demo,
                 GError **error)
{
  g_autoptr(GPtrArray) phases = wy_store_list (demo->store, WY_TABLE_PHASE, 0, error);
  g_autoptr(GPtrArray) milestones = NULL;
  gint64 current_phase = 0;
  gint64 max_ordinal = 0;
  guint32 current_end = 0;
  int latest_past = -1;
  guint32 latest_past_day = 0;

  if (phases == NULL)
    return FALSE;
  milestones = wy_store_list (demo->store, WY_TABLE_MILESTONE, 0, error);
  if (milestones == NULL)
    return FALSE;

  for (guint i = 0; i < phases->len; i++)
    {
      WyRecord *phase = g_ptr_array_index (phases, i);
      guint32 start = parse_day (wy_record_get (phase, "start_date"));
      guint32 end = parse_day (wy_record_get (phase, "end_date"));

      if (start <= demo->today && demo->today <= end)
        {
          current_phase = wy_record_get_id (phase);
          current_end = end;
        }
    }

  for (guint i = 0; i < milestones->len; i++)
    {
      WyRecord *milestone = g_ptr_array_index (milestones, i);
      guint32 due = parse_day (wy_record_get (milestone, "due_date"));

      if (due != 0 && due < demo->today && due >= latest_past_day)
        {
          latest_past = (int) i;
          latest_past_day = due;
        }
      if (wy_record_get_int (milestone, "phase_id", 0) == current_phase)
        max_ordinal = MAX (max_ordinal, wy_record_get_int (milestone, "ordinal", 0));
    }

  /* Past milestones are done, except the latest one: overdue. */
  for (guint i = 0; i < milestones->len; i++)
    {
      WyRecord *milestone = g_ptr_array_index (milestones, i);
      guint32 due = parse_day (wy_record_get (milestone, "due_date"));
      gint64 id = wy_record_get_id (milestone);

      if (due == 0 || due >= demo->today || (int) i == latest_past)
        continue;
      if (!wy_store_update_field (demo->store, WY_TABLE_MILESTONE, id, "done", "1", error) ||
          !update_day (demo, WY_TABLE_MILESTONE, id, "done_date",
                       clamp_day (due - (guint32) rnd (demo, 0, 10), demo->plan_start, demo->today - 1),
                       error))
        return FALSE;
    }

  /* A node the street office added itself, due within the window. */
  if (current_phase > 0)
    {
      WyRecord *milestone = wy_record_new (WY_TABLE_MILESTONE);

      set_ref (milestone, "phase_id", current_phase);
      wy_record_set_int (milestone, "ordinal", max_ordinal + 1);
      wy_record_set (milestone, "name", "街道问题清单销号过半");
      set_day (milestone, "due_date", MIN (demo->today + 4, MAX (current_end, demo->today)));
      wy_record_set_bool (milestone, "done", FALSE);
      if (!insert (demo, milestone, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Assistance units, one per community                                 */

static gboolean
write_assistance_units (Demo    *demo,
                        GError **error)
{
  for (guint c = 0; c < demo->n_communities; c++)
    {
      WyRecord *record = wy_record_new (WY_TABLE_ASSISTANCE_UNIT);
      guint base = (c * 5 + demo->community_street[c]) % G_N_ELEMENTS (assistance_units);
      guint round = c / G_N_ELEMENTS (assistance_units);
      g_autofree char *name = NULL;
      g_autofree char *contact = person (demo);
      g_autofree char *contact_phone = phone (demo);
      guint32 start, end;
      GDate date;

      if (round == 0)
        name = g_strdup (assistance_units[base]);
      else
        name = g_strdup_printf ("%s第%u党支部", assistance_units[base], round);

      /* Terms of two years; the first community's ends within the
       * warning window, the second's has already ended. */
      if (c == 0)
        end = demo->today + 5;
      else if (c == 1)
        end = demo->today - 20;
      else
        end = 0;

      g_date_clear (&date, 1);
      if (end != 0)
        {
          g_date_set_julian (&date, end);
          g_date_subtract_years (&date, 2);
          start = g_date_get_julian (&date);
        }
      else
        {
          start = demo->plan_start + (guint32) rnd (demo, 30, 75);
          g_date_set_julian (&date, start);
          g_date_add_years (&date, 2);
          end = g_date_get_julian (&date);
        }

      wy_record_set (record, "name", name);
      wy_record_set (record, "level", base < 10 ? "city" : "district");
      set_ref (record, "community_id", demo->community_ids[c]);
      set_day (record, "start_date", start);
      set_day (record, "end_date", end);
      wy_record_set (record, "contact_name", contact);
      wy_record_set (record, "contact_phone", contact_phone);
      wy_record_set_bool (record, "closed", FALSE);
      if (c == 1)
        wy_record_set (record, "notes", "上一轮帮扶期满，待确定续签或更换帮扶单位");
      if (!insert (demo, record, &demo->unit_ids[c], error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Compounds and everything that belongs to one                        */

static const ProblemPool *
pool_for (int target)
{
  if (target >= 0 && target < (int) G_N_ELEMENTS (target_pools))
    return &target_pools[target];
  return &other_pool;
}

static void
plan_problem (Demo        *demo,
              ProblemPlan *plan,
              const char  *target_status[],
              guint32      inspection_day)
{
  static const char * const forced_status[] = {
    WY_PROBLEM_PENDING, WY_PROBLEM_IN_PROGRESS, WY_PROBLEM_IN_PROGRESS,
    WY_PROBLEM_FIXED, WY_PROBLEM_SIGNED_OFF, WY_PROBLEM_PENDING,
  };
  /* days from today to the deadline of the forced ones: red, yellow
   * (today), yellow, green, -, green */
  static const int forced_offset[] = { -12, 0, 3, 40, 0, 60 };
  guint k = demo->problem_counter++;
  double roll = g_rand_double (demo->rand);
  const ProblemPool *pool;
  guint32 earliest = demo->plan_start + 20;

  /* What kind of problem */
  if (roll < 0.72)
    {
      int t = rnd (demo, 0, (int) demo->n_targets - 1);

      /* prefer targets this compound has not met */
      for (guint tries = 0; tries < 3 && g_str_equal (target_status[t], WY_TARGET_MET); tries++)
        t = rnd (demo, 0, (int) demo->n_targets - 1);
      plan->category = "target";
      plan->target = t;
      pool = pool_for (t);
    }
  else if (roll < 0.9)
    {
      plan->category = "safety";
      plan->target = -1;
      pool = &hazard_pool;
    }
  else
    {
      plan->category = "other";
      plan->target = -1;
      pool = &other_pool;
    }
  plan->text = &pool->texts[rnd (demo, 0, (int) pool->n_texts - 1)];

  /* Its status */
  if (k < G_N_ELEMENTS (forced_status))
    plan->status = forced_status[k];
  else
    {
      roll = g_rand_double (demo->rand);
      plan->status = roll < 0.20 ? WY_PROBLEM_PENDING :
                     roll < 0.50 ? WY_PROBLEM_IN_PROGRESS :
                     roll < 0.62 ? WY_PROBLEM_FIXED : WY_PROBLEM_SIGNED_OFF;
    }

  plan->inspected = inspection_day != 0;
  plan->signed_off = 0;

  /* Its dates: raised after the baseline survey, never after today */
  if (g_str_equal (plan->status, WY_PROBLEM_SIGNED_OFF))
    {
      plan->raised = plan->inspected ? inspection_day :
        clamp_day (demo->today - (guint32) rnd (demo, 40, 240), earliest, demo->today - 2);
      plan->deadline = plan->raised + (guint32) rnd (demo, 15, 90);
      plan->signed_off = clamp_day (plan->raised + (guint32) rnd (demo, 10, (int) (plan->deadline - plan->raised) + 10),
                                    plan->raised + 1, demo->today - 1);
      return;
    }

  if (k < G_N_ELEMENTS (forced_offset))
    plan->deadline = (guint32) ((gint64) demo->today + forced_offset[k]);
  else
    {
      roll = g_rand_double (demo->rand);
      if (roll < 0.25)
        plan->deadline = demo->today - (guint32) rnd (demo, 1, 60);   /* red */
      else if (roll < 0.40)
        plan->deadline = demo->today + (guint32) rnd (demo, 0, 7);    /* yellow */
      else
        plan->deadline = demo->today + (guint32) rnd (demo, 8, 150);  /* green */
    }

  if (plan->inspected)
    {
      /* 限期整改: the finding's deadline runs from the inspection */
      plan->raised = inspection_day;
      if (plan->deadline < plan->raised + 10)
        plan->deadline = plan->raised + (guint32) rnd (demo, 10, 30);
    }
  else
    {
      /* raised some time ago, at least two weeks before the deadline */
      guint32 latest = MIN (demo->today - 1, plan->deadline - 14);

      plan->raised = clamp_day (demo->today - (guint32) rnd (demo, 3, 200),
                                MIN (earliest, latest), latest);
    }
}

static gboolean
write_problem (Demo               *demo,
               const ProblemPlan  *plan,
               gint64              compound_id,
               gint64              inspection_id,
               const char         *community,
               const char         *original_unit,
               GError            **error)
{
  WyRecord *record = wy_record_new (WY_TABLE_PROBLEM);
  g_autofree char *unit = NULL;
  g_autofree char *responsible = person (demo);
  gint64 problem_id;
  int n_updates = 0;

  if (g_str_equal (plan->text->unit, "原产权单位"))
    unit = g_strdup (original_unit != NULL ? original_unit : "街道城市建设办");
  else if (strstr (plan->text->unit, "%s") != NULL)
    unit = g_strdup_printf ("%s居民委员会", community);
  else
    unit = g_strdup (plan->text->unit);

  set_ref (record, "compound_id", compound_id);
  wy_record_set (record, "category", plan->category);
  if (plan->target >= 0)
    set_ref (record, "target_id", demo->target_ids[plan->target]);
  wy_record_set (record, "description", plan->text->description);
  wy_record_set (record, "measure", plan->text->measure);
  wy_record_set (record, "responsible_unit", unit);
  wy_record_set (record, "responsible_person", responsible);
  set_day (record, "raised_date", plan->raised);
  set_day (record, "deadline", plan->deadline);
  wy_record_set (record, "status", plan->status);
  if (plan->signed_off != 0)
    {
      g_autofree char *verifier = person (demo);

      set_day (record, "signed_off_date", plan->signed_off);
      wy_record_set (record, "verifier", verifier);
    }
  set_ref (record, "inspection_id", inspection_id);
  if (plan->inspected)
    wy_record_set (record, "notes", "督查发现，限期整改");
  if (!insert (demo, record, &problem_id, error))
    return FALSE;

  /* Dated progress for the open work */
  if (g_str_equal (plan->status, WY_PROBLEM_IN_PROGRESS))
    n_updates = rnd (demo, 1, 2);
  else if (g_str_equal (plan->status, WY_PROBLEM_FIXED))
    n_updates = 1;

  for (int u = 0; u < n_updates; u++)
    {
      WyRecord *update = wy_record_new (WY_TABLE_PROBLEM_UPDATE);
      guint32 span = demo->today > plan->raised ? demo->today - plan->raised : 0;
      const char *text;

      if (g_str_equal (plan->status, WY_PROBLEM_FIXED))
        text = "已整改完毕，申请验收销号";
      else
        text = PICK (demo, progress_texts);

      set_ref (update, "problem_id", problem_id);
      set_day (update, "date", plan->raised + span * (guint32) (u + 1) / (guint32) (n_updates + 1));
      wy_record_set (update, "text", text);
      wy_record_set (update, "author", responsible);
      if (!insert (demo, update, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static void
compound_name (Demo         *demo,
               guint         c,
               guint         j,
               const guint  *perm,
               char        **name,
               char        **address,
               const char  **unit)
{
  /* Every fourth one is known by its lane and number (和平巷3号院);
   * the others by the work unit that built them. Names stay unique
   * within the community. */
  guint n_named = G_N_ELEMENTS (compound_names);

  if (j % 4 == 3)
    {
      const char *lane = lanes[(c * 7 + j) % G_N_ELEMENTS (lanes)];
      guint number = j + 1 + c % 7;

      *name = g_strdup_printf ("%s%u号院", lane, number);
      *address = g_strdup_printf ("%s%u号", lane, number);
      *unit = chance (demo, 0.5) ? "区房产管理所" : NULL;
    }
  else
    {
      guint slot = j - j / 4;     /* 0, 1, 2, 3, 4, 5, … skipping the lanes */
      const CompoundName *entry = &compound_names[perm[slot % n_named]];

      if (slot < n_named)
        *name = g_strdup (entry->name);
      else
        *name = g_strdup_printf ("%s%u", entry->name, slot / n_named + 1);
      *address = g_strdup_printf ("%s%d号", PICK (demo, lanes), rnd (demo, 1, 300));
      *unit = entry->unit;
    }
}

static gboolean
write_compound (Demo         *demo,
                guint         c,
                guint         i,
                guint         j,
                const guint  *perm,
                GError      **error)
{
  const char *community = community_name (demo, c);
  const char *target_status[MAX_TARGETS];
  ProblemPlan plans[MAX_PROBLEMS];
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *contact = person (demo);
  g_autofree char *contact_phone = phone (demo);
  g_autofree char *grid = NULL;
  g_autofree char *grid_staff = NULL;
  g_autofree char *grid_phone = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *service_provider = NULL;
  g_autofree char *mode_plan = NULL;
  GString *leaders = g_string_new (NULL);
  const char *unit = NULL;
  const char *category;
  WyRecord *record;
  gboolean pilot = demo->pilot[i];
  gboolean attained;
  double maturity;
  int year, buildings, households, n_problems, n_inspected = 0;
  Mode mode;
  gboolean has_mode = TRUE;
  int org_kind;
  gint64 compound_id, inspection_id = 0;
  guint32 inspection_day = 0;

  compound_name (demo, c, j, perm, &name, &address, &unit);

  /* Category and size */
  if (i < 2)
    category = i == 0 ? WY_CATEGORY_THREE_NONE : WY_CATEGORY_SELF_MANAGED;
  else
    category = chance (demo, 0.55) ? WY_CATEGORY_THREE_NONE : WY_CATEGORY_SELF_MANAGED;
  if (g_str_equal (category, WY_CATEGORY_THREE_NONE))
    {
      year = rnd (demo, 1975, 1998);
      buildings = rnd (demo, 1, 5);
    }
  else
    {
      year = rnd (demo, 1985, 2005);
      buildings = rnd (demo, 2, 12);
    }
  households = buildings * rnd (demo, 12, 36);

  /* Progress towards the five haves */
  attained = i + 1 == demo->n || chance (demo, pilot ? 0.6 : 0.12);
  maturity = pilot ? 0.85 : g_rand_double (demo->rand);
  for (guint t = 0; t < demo->n_targets; t++)
    {
      if (attained || chance (demo, maturity * 0.85))
        target_status[t] = WY_TARGET_MET;
      else if (chance (demo, 0.6))
        target_status[t] = WY_TARGET_IN_PROGRESS;
      else
        target_status[t] = WY_TARGET_NOT_MET;
    }

  /* Governance mode, one compound one plan */
  if (i < N_MODES)
    mode = (Mode) i;
  else if (households > 200)
    mode = chance (demo, 0.7) ? MODE_PROFESSIONAL : MODE_SELF;
  else if (g_str_equal (category, WY_CATEGORY_THREE_NONE))
    mode = chance (demo, 0.55) ? MODE_CUSTODIAL : MODE_SELF;
  else
    mode = chance (demo, 0.6) ? MODE_SELF : MODE_CUSTODIAL;
  if (i >= N_MODES && !pilot && !attained && chance (demo, 0.08))
    has_mode = FALSE;   /* still being decided */

  switch (mode)
    {
    case MODE_PROFESSIONAL:
      mode_plan = g_strdup ("一区一策：规模较大、居民有缴费意愿，公开选聘专业物业服务企业");
      service_provider = g_strdup_printf ("%s%s", street_name (demo, demo->community_street[c]),
                                          PICK (demo, property_companies));
      org_kind = 1;
      break;
    case MODE_SELF:
      mode_plan = g_strdup ("一区一策：由自管委组织居民自我管理，自聘保洁员、维修员");
      service_provider = g_strdup ("业主自聘保洁员、维修员");
      org_kind = 2;
      break;
    case MODE_CUSTODIAL:
    default:
      mode_plan = g_strdup ("一区一策：由社区托管，委托基本物业服务单位兜底服务，逐步过渡到居民自管");
      service_provider = g_strdup_printf ("%s托管服务站", community);
      org_kind = 3;
      break;
    }
  if (!has_mode)
    {
      g_clear_pointer (&mode_plan, g_free);
      g_clear_pointer (&service_provider, g_free);
    }

  /* The owners' organization follows the first target */
  if (g_str_equal (target_status[0], WY_TARGET_NOT_MET) ||
      (g_str_equal (target_status[0], WY_TARGET_IN_PROGRESS) && chance (demo, 0.5)))
    org_kind = 0;
  if (org_kind != 0)
    org_name = g_strconcat (name, org_names[org_kind], NULL);

  grid = g_strdup_printf ("%s第%d网格", community, rnd (demo, 1, 8));
  if (pilot || chance (demo, 0.95))
    {
      grid_staff = person (demo);
      grid_phone = phone (demo);
    }
  for (int b = 1; b <= MIN (buildings, 3); b++)
    {
      g_autofree char *leader = person (demo);

      g_string_append_printf (leaders, "%s%d号楼 %s", b > 1 ? "；" : "", b, leader);
    }
  if (buildings > 3)
    g_string_append (leaders, " 等");

  record = wy_record_new (WY_TABLE_COMPOUND);
  set_ref (record, "community_id", demo->community_ids[c]);
  wy_record_set (record, "name", name);
  wy_record_set (record, "address", address);
  wy_record_set (record, "category", category);
  wy_record_set_int (record, "year_built", year);
  wy_record_set_int (record, "buildings", buildings);
  wy_record_set_int (record, "households", households);
  wy_record_set_int (record, "residents", households * rnd (demo, 22, 30) / 10);
  wy_record_set_double (record, "floor_area", households * rnd (demo, 500, 900) / 10.0);
  wy_record_set (record, "original_unit", unit);
  wy_record_set (record, "contact_name", contact);
  wy_record_set (record, "contact_phone", contact_phone);
  wy_record_set (record, "grid", grid);
  wy_record_set (record, "grid_staff", grid_staff);
  wy_record_set (record, "grid_staff_phone", grid_phone);
  wy_record_set (record, "building_leaders", leaders->str);
  wy_record_set_bool (record, "pilot", pilot);
  if (has_mode)
    set_ref (record, "governance_mode_id", demo->mode_ids[mode]);
  wy_record_set (record, "mode_plan", mode_plan);
  wy_record_set (record, "owners_org_kind", org_codes[org_kind]);
  wy_record_set (record, "owners_org_name", org_name);
  if (org_kind != 0)
    set_day (record, "owners_org_date", clamp_day (demo->plan_start + (guint32) rnd (demo, 30, 200),
                                                   demo->plan_start, demo->today - 1));
  {
    gboolean met0 = g_str_equal (target_status[0], WY_TARGET_MET);
    gboolean met2 = demo->n_targets > 2 && g_str_equal (target_status[2], WY_TARGET_MET);
    gboolean some2 = demo->n_targets > 2 && g_str_equal (target_status[2], WY_TARGET_IN_PROGRESS);

    wy_record_set_bool (record, "rule_covenant", met0 || (org_kind != 0 && chance (demo, 0.6)));
    wy_record_set_bool (record, "rule_assembly", met0);
    wy_record_set_bool (record, "rule_committee", met0 || (org_kind != 0 && chance (demo, 0.3)));
    wy_record_set (record, "service_provider", service_provider);
    wy_record_set_bool (record, "service_cleaning", met2 || (some2 && has_mode));
    wy_record_set_bool (record, "service_repair", met2 || (some2 && chance (demo, 0.4)));
    wy_record_set_bool (record, "service_order", met2);
  }
  set_ref (record, "assistance_unit_id", demo->unit_ids[c]);
  if (unit != NULL && strstr (unit, "破产") != NULL)
    wy_record_set (record, "notes", "原产权单位已破产，维修资金需多渠道筹集");
  else if (pilot)
    wy_record_set (record, "notes", "区级试点小区");
  g_string_free (leaders, TRUE);

  if (!insert (demo, record, &compound_id, error))
    return FALSE;
  demo->compound_ids[i] = compound_id;

  /* Target statuses */
  for (guint t = 0; t < demo->n_targets; t++)
    {
      WyRecord *status = wy_record_new (WY_TABLE_COMPOUND_TARGET);

      set_ref (status, "compound_id", compound_id);
      set_ref (status, "target_id", demo->target_ids[t]);
      wy_record_set (status, "status", target_status[t]);
      if (g_str_equal (target_status[t], WY_TARGET_MET))
        {
          g_autofree char *verifier = person (demo);

          set_day (status, "met_date", clamp_day (demo->plan_start + (guint32) rnd (demo, 45, 240),
                                                  demo->plan_start, demo->today - 1));
          wy_record_set (status, "evidence", target_evidence[t % G_N_ELEMENTS (target_evidence)]);
          wy_record_set (status, "verifier", verifier);
        }
      if (!insert (demo, status, NULL, error))
        return FALSE;
    }

  /* An inspection finds some of the problems */
  n_problems = rnd (demo, 2, MAX_PROBLEMS);
  if (i == 0 || chance (demo, 0.18))
    {
      /* far enough back for a finding to be overdue already */
      inspection_day = demo->today - (guint32) rnd (demo, 40, 150);
      inspection_day = MAX (inspection_day, demo->plan_start + 30);
      inspection_day = MIN (inspection_day, demo->today - 1);
      n_inspected = rnd (demo, 1, 2);
    }

  for (int p = 0; p < n_problems; p++)
    plan_problem (demo, &plans[p], target_status, p < n_inspected ? inspection_day : 0);

  if (inspection_day != 0)
    {
      WyRecord *inspection = wy_record_new (WY_TABLE_INSPECTION);
      GString *findings = g_string_new (NULL);
      g_autofree char *who = person (demo);
      g_autofree char *inspector = NULL;

      inspector = g_strdup_printf ("%s督查组 %s", chance (demo, 0.5) ? "区住房和城乡建设局" : "领导小组办公室", who);
      g_string_append_printf (findings, "现场检查发现问题%d项：", n_inspected);
      for (int p = 0; p < n_inspected; p++)
        g_string_append_printf (findings, "%s%d. %s", p > 0 ? "；" : "", p + 1, plans[p].text->description);
      g_string_append (findings, "。已下达限期整改通知。");

      set_day (inspection, "date", inspection_day);
      wy_record_set (inspection, "inspector", inspector);
      set_ref (inspection, "community_id", demo->community_ids[c]);
      set_ref (inspection, "compound_id", compound_id);
      wy_record_set (inspection, "findings", findings->str);
      g_string_free (findings, TRUE);
      if (!insert (demo, inspection, &inspection_id, error))
        return FALSE;
    }

  for (int p = 0; p < n_problems; p++)
    if (!write_problem (demo, &plans[p], compound_id, p < n_inspected ? inspection_id : 0,
                        community, unit, error))
      return FALSE;

  /* Funding: every source occurs among the first compounds */
  {
    int unused = -1;
    int n_funding = rnd (demo, 0, 2);

    for (guint s = 0; s < G_N_ELEMENTS (funding_codes) && unused < 0; s++)
      if (!demo->funded[s] && (s != 1 || unit != NULL))
        unused = (int) s;
    if (unused >= 0)
      n_funding++;

    for (int f = 0; f < n_funding; f++)
      {
        WyRecord *funding = wy_record_new (WY_TABLE_FUNDING);
        guint source = (f == 0 && unused >= 0) ? (guint) unused :
                       (guint) rnd (demo, 0, G_N_ELEMENTS (funding_codes) - 1);
        static const int lo[] = { 2000, 10000, 1000, 20000, 30000 };
        static const int hi[] = { 30000, 200000, 20000, 150000, 300000 };

        if (source == 1 && unit == NULL)
          source = 4;   /* no original unit to pay: a fiscal subsidy */
        demo->funded[source] = TRUE;
        set_ref (funding, "compound_id", compound_id);
        wy_record_set (funding, "source", funding_codes[source]);
        set_money (funding, "amount", rnd (demo, lo[source] / 100, hi[source] / 100) * 100.0);
        set_day (funding, "date", clamp_day (demo->plan_start + (guint32) rnd (demo, 30, 240),
                                             demo->plan_start, demo->today - 1));
        wy_record_set (funding, "purpose", PICK (demo, funding_purposes));
        if (!insert (demo, funding, NULL, error))
          return FALSE;
      }
  }

  return TRUE;
}

static gboolean
write_compounds (Demo    *demo,
                 GError **error)
{
  guint n_named = G_N_ELEMENTS (compound_names);
  g_autofree guint *perm = g_new (guint, n_named);

  for (guint c = 0; c < demo->n_communities; c++)
    {
      /* a shuffled list of names per community */
      for (guint k = 0; k < n_named; k++)
        perm[k] = k;
      for (guint k = n_named - 1; k > 0; k--)
        {
          guint other = (guint) rnd (demo, 0, (int) k);
          guint swap = perm[k];

          perm[k] = perm[other];
          perm[other] = swap;
        }

      for (guint i = demo->community_first[c]; i < demo->community_first[c + 1]; i++)
        if (!write_compound (demo, c, i, i - demo->community_first[c], perm, error))
          return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Community life: assistance activities and consultation meetings     */

static gboolean
write_activities (Demo    *demo,
                  GError **error)
{
  for (guint c = 0; c < demo->n_communities; c++)
    {
      guint first = demo->community_first[c];
      guint count = demo->community_first[c + 1] - first;
      int n_activities = rnd (demo, 2, 3);

      for (int a = 0; a < n_activities; a++)
        {
          WyRecord *activity = wy_record_new (WY_TABLE_ASSISTANCE_ACTIVITY);

          set_ref (activity, "unit_id", demo->unit_ids[c]);
          set_day (activity, "date", clamp_day (demo->today - (guint32) rnd (demo, 3, 220),
                                                demo->plan_start + 30, demo->today - 1));
          wy_record_set (activity, "description", PICK (demo, activity_texts));
          if (count > 0)
            set_ref (activity, "compound_id", demo->compound_ids[first + (guint) rnd (demo, 0, (int) count - 1)]);
          if (!insert (demo, activity, NULL, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_consultations (Demo    *demo,
                     GError **error)
{
  for (guint c = 0; c < demo->n_communities; c++)
    {
      guint first = demo->community_first[c];
      guint count = demo->community_first[c + 1] - first;
      const char *community = community_name (demo, c);
      /* One community in five (the fourth of each street's first five,
       * 北湖社区 in the default ledger) has not met for over six months. */
      gboolean lapsed = c % 5 == 3;
      int n_meetings = lapsed ? 1 : rnd (demo, 1, 3);

      for (int m = 0; m < n_meetings; m++)
        {
          WyRecord *meeting = wy_record_new (WY_TABLE_MEETING);
          const char *topic = PICK (demo, consultation_topics);
          g_autofree char *title = g_strdup_printf ("%s共建议事会：%s", community, topic);
          g_autofree char *host = person (demo);
          g_autofree char *attendees = NULL;
          g_autofree char *minutes = NULL;
          guint32 day;
          gint64 meeting_id;

          if (lapsed)
            day = demo->today - (guint32) rnd (demo, 200, 260);
          else if (m == 0)
            day = demo->today - (guint32) rnd (demo, 5, 120);
          else
            day = demo->today - (guint32) rnd (demo, 60, 300);

          attendees = g_strdup_printf ("社区书记%s、街道包联干部、帮扶单位代表、楼栋长及居民代表", host);
          minutes = g_strdup_printf ("议题收集：入户及线上收集居民意见；确定议题：%s；"
                                     "会议协商：到会居民代表充分讨论，形成一致意见；"
                                     "执行决策：由社区牵头、帮扶单位配合落实；"
                                     "监督反馈：每月向居民公示进展；居民评价：完成后组织满意度测评。",
                                     topic);
          wy_record_set (meeting, "kind", WY_MEETING_CONSULTATION);
          set_day (meeting, "date", day);
          wy_record_set (meeting, "title", title);
          wy_record_set (meeting, "attendees", attendees);
          set_ref (meeting, "community_id", demo->community_ids[c]);
          wy_record_set (meeting, "minutes", minutes);
          if (!insert (demo, meeting, &meeting_id, error))
            return FALSE;

          if (count > 0)
            {
              guint a = (guint) rnd (demo, 0, (int) count - 1);
              guint b = (guint) rnd (demo, 0, (int) count - 1);

              for (guint k = 0; k < (a == b ? 1u : 2u); k++)
                {
                  WyRecord *link = wy_record_new (WY_TABLE_MEETING_COMPOUND);

                  set_ref (link, "meeting_id", meeting_id);
                  set_ref (link, "compound_id", demo->compound_ids[first + (k == 0 ? a : b)]);
                  if (!insert (demo, link, NULL, error))
                    return FALSE;
                }
            }
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Leadership and joint meetings, and the tasks they assign            */

static gboolean
write_leadership (Demo    *demo,
                  GError **error)
{
  guint32 day;
  guint number = 1;

  /* Review meetings every six weeks or so since the plan started */
  for (day = demo->plan_start + 14; day < demo->today; day += (guint32) rnd (demo, 35, 55), number++)
    {
      WyRecord *meeting = wy_record_new (WY_TABLE_MEETING);
      g_autofree char *title = g_strdup_printf ("自管小区和三无小区治理工作领导小组第%u次调度会", number);

      wy_record_set (meeting, "kind", WY_MEETING_LEADERSHIP);
      set_day (meeting, "date", day);
      wy_record_set (meeting, "title", title);
      wy_record_set (meeting, "attendees", "领导小组组长、副组长，各成员单位分管负责人，各街道分管负责人");
      wy_record_set (meeting, "minutes",
                     number == 1 ?
                     "部署摸底调查和帮扶联系工作，明确各成员单位职责分工。" :
                     "通报各街道问题整改销号进度，对逾期事项亮红灯，逐项明确督办责任和完成时限。");
      if (!insert (demo, meeting, &demo->leadership_id, error))
        return FALSE;
    }

  for (day = demo->plan_start + 40, number = 1; day < demo->today; day += 90, number++)
    {
      WyRecord *meeting = wy_record_new (WY_TABLE_MEETING);
      g_autofree char *title = g_strdup_printf ("第%u次部门联席会议", number);

      wy_record_set (meeting, "kind", WY_MEETING_JOINT);
      set_day (meeting, "date", day);
      wy_record_set (meeting, "title", title);
      wy_record_set (meeting, "attendees", "住建、民政、公安、城管、财政、消防等部门及各街道");
      wy_record_set (meeting, "minutes", "协调解决产权移交、维修资金筹集、消防设施改造等跨部门问题。");
      if (!insert (demo, meeting, NULL, error))
        return FALSE;
    }

  /* Pilot compounds are discussed at the last review meeting */
  if (demo->leadership_id > 0)
    for (guint i = 0; i < demo->n; i++)
      if (demo->pilot[i])
        {
          WyRecord *link = wy_record_new (WY_TABLE_MEETING_COMPOUND);

          set_ref (link, "meeting_id", demo->leadership_id);
          set_ref (link, "compound_id", demo->compound_ids[i]);
          if (!insert (demo, link, NULL, error))
            return FALSE;
        }

  return TRUE;
}

static gboolean
write_supervised_tasks (Demo    *demo,
                        GError **error)
{
  /* 督办事项: each street gets items decided at the last review meeting,
   * one overdue, one due within days, one on schedule, one done. */
  static const struct {
    const char *title;
    int         offset;  /* deadline, days from today */
    const char *status;
  } items[] = {
    { "消防通道占用问题专项整治", -6, WY_TASK_IN_PROGRESS },
    { "监控探头接入社区平台", 3, WY_TASK_IN_PROGRESS },
    { "网格员配备情况复核", 25, WY_TASK_NOT_STARTED },
    { "试点小区经验材料报送", -15, WY_TASK_DONE },
  };
  guint ordinal = 100;

  for (guint s = 0; s < demo->n_streets; s++)
    {
      guint first_community = 0;

      while (demo->community_street[first_community] != s)
        first_community++;

      for (guint k = 0; k < G_N_ELEMENTS (items); k++)
        {
          WyRecord *task = wy_record_new (WY_TABLE_TASK);
          g_autofree char *title = g_strdup_printf ("%s：%s", street_name (demo, s), items[k].title);
          guint32 deadline = (guint32) ((gint64) demo->today + items[k].offset);
          gboolean done = g_str_equal (items[k].status, WY_TASK_DONE);
          int progress = done ? 100 : g_str_equal (items[k].status, WY_TASK_IN_PROGRESS) ? rnd (demo, 30, 80) : 0;
          guint c = first_community;
          guint count = demo->community_first[c + 1] - demo->community_first[c];
          gint64 task_id;

          wy_record_set_int (task, "ordinal", ordinal++);
          wy_record_set (task, "title", title);
          wy_record_set (task, "description", "领导小组调度会督办事项");
          wy_record_set (task, "lead_units", street_name (demo, s));
          wy_record_set (task, "co_units", "各社区居民委员会、各帮扶单位");
          set_day (task, "deadline", deadline);
          wy_record_set_int (task, "progress", progress);
          wy_record_set (task, "status", items[k].status);
          if (done)
            set_day (task, "done_date", deadline - 2);
          wy_record_set_bool (task, "from_plan", FALSE);
          set_ref (task, "meeting_id", demo->leadership_id);
          if (!insert (demo, task, &task_id, error))
            return FALSE;

          if (progress > 0 &&
              !write_task_notes (demo, task_id, demo->today - 30,
                                 done ? deadline - 2 : demo->today - 1, progress, error))
            return FALSE;

          if (count > 0)
            {
              WyRecord *link = wy_record_new (WY_TABLE_TASK_COMPOUND);

              set_ref (link, "task_id", task_id);
              set_ref (link, "compound_id",
                       demo->compound_ids[demo->community_first[c] + (guint) rnd (demo, 0, (int) count - 1)]);
              if (!insert (demo, link, NULL, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */

static gboolean
write_all (Demo    *demo,
           GError **error)
{
  g_autofree char *office = NULL;

  plan_layout (demo);
  choose_pilots (demo);

  if (demo->n_districts == 1 && demo->n_streets == 1)
    office = g_strconcat (district_names[0], street_names[0], "办事处", NULL);
  else
    office = g_strconcat (district_names[0], "住房和城乡建设局", NULL);

  return read_template (demo, error) &&
         wy_store_set_setting (demo->store, WY_SETTING_OFFICE_NAME, office, error) &&
         mark_plan_tasks (demo, error) &&
         mark_milestones (demo, error) &&
         write_places (demo, error) &&
         write_assistance_units (demo, error) &&
         write_compounds (demo, error) &&
         write_activities (demo, error) &&
         write_consultations (demo, error) &&
         write_leadership (demo, error) &&
         write_supervised_tasks (demo, error);
}

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->district_ids, g_free);
  g_clear_pointer (&demo->street_ids, g_free);
  g_clear_pointer (&demo->community_ids, g_free);
  g_clear_pointer (&demo->unit_ids, g_free);
  g_clear_pointer (&demo->street_district, g_free);
  g_clear_pointer (&demo->community_street, g_free);
  g_clear_pointer (&demo->community_first, g_free);
  g_clear_pointer (&demo->compound_ids, g_free);
  g_clear_pointer (&demo->pilot, g_free);
}

/* Removes what a failed run made, so no half-written ledger remains. A
 * file that was there before (empty, or the store would have refused it)
 * is emptied again rather than removed. */
static void
remove_ledger (const char *path,
               gboolean    existed)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[k], NULL);

      g_unlink (side);
    }

  if (existed)
    {
      if (truncate (path, 0) != 0)
        g_warning ("Could not empty %s again after a failed demo", path);
    }
  else
    g_unlink (path);
}

gboolean
wy_demo_write (const char   *path,
               guint         n_compounds,
               const GDate  *today,
               GError      **error)
{
  Demo demo = { 0, };
  GDate plan_start;
  gboolean existed;
  gboolean ok;
  GError *local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_compounds == 0)
    n_compounds = WY_DEMO_DEFAULT_SIZE;

  /* Eight months into the plan: phase 3 is under way, so phases,
   * milestones and tasks lie in the past, near and far future. */
  plan_start = *today;
  g_date_subtract_months (&plan_start, 8);
  g_date_set_day (&plan_start, 1);

  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  demo.store = wy_store_create (path, &plan_start, &local_error);
  if (demo.store == NULL)
    {
      /* A refused file is left as it was; only a file this call started
       * is removed. */
      if (!existed)
        remove_ledger (path, FALSE);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  demo.n = n_compounds;
  demo.today = g_date_get_julian (today);
  demo.plan_start = g_date_get_julian (&plan_start);
  demo.rand = g_rand_new_with_seed ((guint32) (0x57597531u ^ (n_compounds * 2654435761u) ^ demo.today));

  wy_store_set_audit_enabled (demo.store, FALSE);

  ok = wy_store_begin_fill (demo.store, &local_error);
  if (ok)
    {
      ok = write_all (&demo, &local_error);
      ok = wy_store_end_fill (demo.store, ok, ok ? &local_error : NULL) && ok;
    }

  wy_store_set_audit_enabled (demo.store, TRUE);
  g_clear_object (&demo.store);
  demo_clear (&demo);

  if (!ok)
    {
      remove_ledger (path, existed);
      g_prefix_error (&local_error, "Could not write the demo ledger: ");
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}
