import type { Catalogue } from "./index";

// The batch and project pickers of the parcel forms (views/components/choice-picker.tsx).
export const choices: Catalogue = {
  "choice.find": ["查找", "Find"],
  "choice.recent": ["显示最近 {n} 个，输入名称查找其余", "Showing the latest {n}: type a name to find the others"],
  "choice.batch.find": ["查找批次", "Find batches"],
  "choice.batch.search": ["按名称查找批次", "Find a batch by name"],
  "choice.batch.all": ["共 {n} 个批次", "{n} batches in all"],
  "choice.batch.found": ["名称含“{q}”的批次共 {n} 个", "{n} batches whose name contains “{q}”"],
  "choice.batch.more": [
    "显示名称含“{q}”的前 {n} 个批次，输入更多字缩小范围",
    "Showing the first {n} batches whose name contains “{q}”: type more to narrow them down",
  ],
  "choice.batch.none": ["没有名称含“{q}”的批次", "No batch name contains “{q}”"],
  "choice.project.find": ["查找项目", "Find projects"],
  "choice.project.search": ["按名称查找项目", "Find a project by name"],
  "choice.project.all": ["共 {n} 个项目", "{n} projects in all"],
  "choice.project.found": ["名称含“{q}”的项目共 {n} 个", "{n} projects whose name contains “{q}”"],
  "choice.project.more": [
    "显示名称含“{q}”的前 {n} 个项目，输入更多字缩小范围",
    "Showing the first {n} projects whose name contains “{q}”: type more to narrow them down",
  ],
  "choice.project.none": ["没有名称含“{q}”的项目", "No project name contains “{q}”"],
};
