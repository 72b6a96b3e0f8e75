// The demo district's words: towns of the seed document with their places, land users, reasons.
import type { LandUse } from "../../src/domain/fields";

export type TownInfo = { name: string; code: string; weight: number; places: readonly string[] };

const ROADS_CENTRAL = ["中环南路", "由拳路", "槜李路", "庆丰路", "文昌路", "南溪路", "禾兴南路", "凌公塘路"];

// Rural towns carry most new construction land; the central streets mostly stock land.
export const TOWNS: readonly TownInfo[] = [
  {
    name: "凤桥镇",
    code: "101",
    weight: 14,
    places: ["三星村", "永红村", "新民村", "联丰村", "梅园村", "凤桥村", "石佛村"],
  },
  { name: "新丰镇", code: "103", weight: 13, places: ["竹林村", "镇北村", "净相村", "丰北村", "和睦村", "新丰村"] },
  { name: "余新镇", code: "102", weight: 12, places: ["金星村", "卫星村", "余北村", "鲍家村", "曙光村"] },
  { name: "大桥镇", code: "104", weight: 12, places: ["江南村", "胥山村", "十八里桥村", "云东村", "亚欧路"] },
  { name: "七星街道", code: "009", weight: 11, places: ["东进村", "湘家荡", "七星村", "新联村", "亚太路"] },
  { name: "东栅街道", code: "007", weight: 8, places: ["东栅村", "东升路", "三环东路", "中央公园东"] },
  { name: "城南街道", code: "006", weight: 8, places: ["南溪路", "槜李路", "由拳路", "三环南路"] },
  { name: "建设街道", code: "001", weight: 4, places: ROADS_CENTRAL },
  { name: "解放街道", code: "002", weight: 4, places: ["解放路", "勤俭路", "建国南路", "少年路"] },
  { name: "南湖街道", code: "003", weight: 4, places: ["南湖路", "环湖路", "东大营", "百花新村"] },
  { name: "新嘉街道", code: "004", weight: 3, places: ["外贸宿舍", "三塔里", "中山西路", "纺工路"] },
  { name: "新兴街道", code: "005", weight: 3, places: ["新兴路", "二毛二村", "清河路", "昌盛南路"] },
  { name: "长水街道", code: "008", weight: 4, places: ["长水路", "庆丰南路", "南湖大道", "广益路"] },
];

export const SIDES = ["东侧", "西侧", "南侧", "北侧", "以东", "以南", "以西", "以北", "东南侧", "西北侧"] as const;

export const LAND_USE_WEIGHTS: Record<"urban" | "linked" | "standalone" | "stock", Partial<Record<LandUse, number>>> = {
  urban: { residential: 28, industrial: 36, commercial: 14, public: 12, transport: 5, other: 5 },
  linked: { residential: 35, industrial: 40, commercial: 8, public: 17 },
  standalone: { transport: 80, water: 10, public: 10 },
  stock: { residential: 35, commercial: 25, industrial: 25, public: 15 },
};

const BRANDS = [
  "恒创",
  "瑞丰",
  "中恒",
  "泽宇",
  "欣达",
  "嘉宏",
  "盛华",
  "天宇",
  "弘毅",
  "锦泰",
  "海聚",
  "明辉",
  "康达",
  "禾润",
  "博远",
  "凯胜",
  "永信",
  "鸿运",
  "立新",
  "华跃",
];
const TRADES = [
  "新材料科技",
  "智能装备",
  "电子科技",
  "光伏科技",
  "精密机械",
  "生物医药",
  "汽车零部件",
  "纺织科技",
  "食品",
  "物流",
];
const PUBLIC_USERS = [
  "嘉兴市南湖区教育体育局",
  "嘉兴市南湖区卫生健康局",
  "嘉兴市南湖区交通运输局",
  "嘉兴市南湖区水利局",
  "嘉兴市南湖区城市建设投资集团有限公司",
  "嘉兴市南湖区综合行政执法局",
];

/** A plausible 受让人/用地单位 for a parcel of `use`. */
export function landUserFor(use: LandUse, pick: <T>(items: readonly T[]) => T): string {
  if (use === "residential") return `嘉兴${pick(BRANDS)}置业有限公司`;
  if (use === "commercial") return `嘉兴${pick(BRANDS)}商业管理有限公司`;
  if (use === "industrial" || use === "other") return `${pick(["嘉兴", "浙江"])}${pick(BRANDS)}${pick(TRADES)}有限公司`;
  if (use === "transport")
    return pick(["嘉兴市南湖区交通运输局", "嘉兴市域铁路投资有限公司", "嘉兴市南湖区城市建设投资集团有限公司"]);
  return pick(PUBLIC_USERS);
}

// Price per 亩 in 万元, by use: the land market of a prefecture-level city in Zhejiang.
export const PRICE_WAN_PER_MU: Partial<Record<LandUse, [number, number]>> = {
  residential: [600, 1500],
  commercial: [200, 500],
  industrial: [25, 50],
  other: [30, 80],
};

export const REASONS = {
  skipToReserve: ["国有存量土地，无需征收，直接纳入储备", "原国有农场用地，已办理农转用，直接入库"],
  skipToSupply: ["单独选址项目，划拨直接供地，不纳入储备", "重大基础设施项目，征收完成后直接划拨"],
  withdrawPlanned: ["项目取消，撤回报批", "选址调整，不再报批"],
  withdrawApproved: ["项目调整取消，撤回用地批准", "规划调整，核减批准面积", "超过两年未实施征收，批准文件失效后核减"],
  withdrawLater: ["企业退出，核减用地", "线位调整，核减已征收用地", "储备地块规划调整为生态用地，核减"],
} as const;

export const NOTES = ["已完成补偿安置", "已交地", "资料齐全", "会商确认", "待补充勘测定界图"] as const;

/** The four demo accounts, one of each role, with Chinese display names (the top bar adds the role). */
export const DEMO_USERS = [
  { username: "admin", displayName: "陈立新", role: "admin" },
  { username: "officer", displayName: "王晓燕", role: "officer" },
  { username: "lead", displayName: "李建国", role: "lead" },
  { username: "viewer", displayName: "赵敏", role: "viewer" },
] as const;
