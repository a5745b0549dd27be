// The plan presets shipped in seeds/presets, validated by the same schemas as everything else.
import fs from 'node:fs';
import path from 'node:path';
import { type Preset, presetSchema } from '../domain/schemas.js';
import { SEEDS_DIR } from '../paths.js';

const PRESETS_DIR = path.join(SEEDS_DIR, 'presets');

export const PRESET_IDS = ['phu-van-2026', 'tran-lieu-2025', 'ngoc-lien-2026', 'ngoc-hoi-2026', 'trung-thanh-2026'] as const;

export function loadPreset(id: string): Preset | null {
  const file = path.join(PRESETS_DIR, `${id}.json`);
  if (!/^[a-z0-9-]+$/u.test(id) || !fs.existsSync(file)) return null;
  return presetSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export function listPresets(): Preset[] {
  return PRESET_IDS.map((id) => loadPreset(id)!).filter(Boolean);
}
