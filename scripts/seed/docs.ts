import type { Rng } from "./random";

const DISTRICT = "330402"; // 南湖区 administrative division code

/**
 * Issues document numbers the way offices do: one running number per issuer and year
 * (浙土字〔2023〕37号), rising with gaps because the issuer also numbers other documents.
 */
export class DocNumbers {
  private counters = new Map<string, number>();

  constructor(private rng: Rng) {}

  /** `${issuer}〔${year}〕${n}号` — e.g. 嘉南征〔2023〕12号. */
  next(issuer: string, date: string): string {
    return `${issuer}〔${date.slice(0, 4)}〕${this.bump(`${issuer}${date.slice(0, 4)}`, 6)}号`;
  }

  /** 电子监管号: district code, year, "B", eight digits — 19 characters. */
  supervision(date: string): string {
    return `${DISTRICT}${date.slice(0, 4)}B${String(this.bump(`sv${date.slice(0, 4)}`, 3)).padStart(8, "0")}`;
  }

  /** 施工许可证号: district code, date, two-digit sequence of the day, "01". */
  permit(date: string): string {
    return `${DISTRICT}${date.replaceAll("-", "")}${String(this.bump(`pm${date}`, 1) % 100).padStart(2, "0")}01`;
  }

  private bump(key: string, maxStep: number): number {
    // The first number of a year is not 1: the issuer numbered other documents before this one.
    const n = (this.counters.get(key) ?? this.rng.int(0, 20 * maxStep)) + this.rng.int(1, maxStep);
    this.counters.set(key, n);
    return n;
  }
}

/** 宗地编号: district, town, village (three digits each), "GB", then a serial. */
export function parcelCode(townCode: string, village: number, serial: number, width: number): string {
  return `${DISTRICT}${townCode}${String(village).padStart(3, "0")}GB${String(serial).padStart(width, "0")}`;
}
