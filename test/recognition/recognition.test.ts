/**
 * Recognition with no configuration, measured on registers written by three producers: every
 * register sheet found, and the share of the columns an analyst would map that are recognised
 * with their values read. Each held-out set was measured before it was learned from; those
 * figures are in docs/RECOGNITION.md (RECOGNITION_REPORT=1 prints the details).
 */
import { dayFromIso } from "../../src/core/dates";
import { hasLibreOffice } from "../helpers/libreoffice";
import {
  ROUND_1,
  ROUND_2,
  ROUND_3,
  ROUND_4,
  ROUND_5,
  ROUND_6,
  ROUND_7,
  ROUND_8,
  ROUND_9,
  TUNING,
  type EvalCase,
} from "./cases";
import { ROUND_10 } from "./sealed-10";
import { ROUND_11 } from "./sealed-11";
import { ROUND_12 } from "./sealed-12";
import { ROUND_13 } from "./sealed-13";
import { ROUND_14 } from "./sealed-14";
import { ROUND_15 } from "./sealed-15";
import { ROUND_16 } from "./sealed-16";
import { ROUND_17 } from "./sealed-17";
import { ROUND_18 } from "./sealed-18";
import { ROUND_19 } from "./sealed-19";
import { ROUND_20 } from "./sealed-20";
import { ROUND_21 } from "./sealed-21";
import { ROUND_22 } from "./sealed-22";
import { ROUND_23 } from "./sealed-23";
import { ROUND_24 } from "./sealed-24";
import { ROUND_25 } from "./sealed-25";
import { ROUND_26 } from "./sealed-26";
import { ROUND_27 } from "./sealed-27";
import { ROUND_28 } from "./sealed-28";
import { ROUND_29 } from "./sealed-29";
import { ROUND_30 } from "./sealed-30";
import { ROUND_31 } from "./sealed-31";
import { ROUND_32 } from "./sealed-32";
import { ROUND_33 } from "./sealed-33";
import { ROUND_34 } from "./sealed-34";
import { ROUND_35 } from "./sealed-35";
import { ROUND_36 } from "./sealed-36";
import { ROUND_37 } from "./sealed-37";
import { ROUND_38 } from "./sealed-38";
import { ROUND_39 } from "./sealed-39";
import { ROUND_40 } from "./sealed-40";
import { ROUND_41 } from "./sealed-41";
import { ROUND_42 } from "./sealed-42";
import { ROUND_43 } from "./sealed-43";
import { ROUND_44 } from "./sealed-44";
import { ROUND_45 } from "./sealed-45";
import { ROUND_46 } from "./sealed-46";
import { ROUND_47 } from "./sealed-47";
import { ROUND_48 } from "./sealed-48";
import { ROUND_49 } from "./sealed-49";
import { ROUND_50 } from "./sealed-50";
import { ROUND_51 } from "./sealed-51";
import { ROUND_52 } from "./sealed-52";
import { ROUND_53 } from "./sealed-53";
import { ROUND_54 } from "./sealed-54";
import { ROUND_55 } from "./sealed-55";
import { ROUND_56 } from "./sealed-56";
import { ROUND_57 } from "./sealed-57";
import { ROUND_58 } from "./sealed-58";
import { ROUND_59 } from "./sealed-59";
import { ROUND_60 } from "./sealed-60";
import { ROUND_61 } from "./sealed-61";
import { ROUND_62 } from "./sealed-62";
import { ROUND_63 } from "./sealed-63";
import { ROUND_64 } from "./sealed-64";
import { ROUND_65 } from "./sealed-65";
import { ROUND_66 } from "./sealed-66";
import { ROUND_67 } from "./sealed-67";
import { ROUND_68 } from "./sealed-68";
import { ROUND_69 } from "./sealed-69";
import { ROUND_70 } from "./sealed-70";
import { ROUND_71 } from "./sealed-71";
import { ROUND_72 } from "./sealed-72";
import { ROUND_73 } from "./sealed-73";
import { ROUND_74 } from "./sealed-74";
import { ROUND_75 } from "./sealed-75";
import { ROUND_76 } from "./sealed-76";
import { ROUND_77 } from "./sealed-77";
import { ROUND_78 } from "./sealed-78";
import { ROUND_79 } from "./sealed-79";
import { ROUND_80 } from "./sealed-80";
import { ROUND_81 } from "./sealed-81";
import { ROUND_82 } from "./sealed-82";
import { ROUND_83 } from "./sealed-83";
import { ROUND_84 } from "./sealed-84";
import { ROUND_85 } from "./sealed-85";
import { ROUND_86 } from "./sealed-86";
import { ROUND_87 } from "./sealed-87";
import { ROUND_88 } from "./sealed-88";
import { ROUND_89 } from "./sealed-89";
import { ROUND_90 } from "./sealed-90";
import { ROUND_91 } from "./sealed-91";
import { ROUND_92 } from "./sealed-92";
import { ROUND_93 } from "./sealed-93";
import { ROUND_94 } from "./sealed-94";
import { ROUND_95 } from "./sealed-95";
import { ROUND_96 } from "./sealed-96";
import { ROUND_97 } from "./sealed-97";
import { ROUND_98 } from "./sealed-98";
import { ROUND_99 } from "./sealed-99";
import { ROUND_100 } from "./sealed-100";
import { ROUND_101 } from "./sealed-101";
import { ROUND_102 } from "./sealed-102";
import { ROUND_103 } from "./sealed-103";
import { ROUND_104 } from "./sealed-104";
import { ROUND_105 } from "./sealed-105";
import { ROUND_106 } from "./sealed-106";
import { ROUND_107 } from "./sealed-107";
import { ROUND_108 } from "./sealed-108";
import { ROUND_109 } from "./sealed-109";
import { ROUND_110 } from "./sealed-110";
import { ROUND_111 } from "./sealed-111";
import { ROUND_112 } from "./sealed-112";
import { ROUND_113 } from "./sealed-113";
import { ROUND_114 } from "./sealed-114";
import { ROUND_115 } from "./sealed-115";
import { ROUND_116 } from "./sealed-116";
import { ROUND_117 } from "./sealed-117";
import { ROUND_118 } from "./sealed-118";
import { ROUND_119 } from "./sealed-119";
import { ROUND_120 } from "./sealed-120";
import { ROUND_121 } from "./sealed-121";
import { ROUND_122 } from "./sealed-122";
import { ROUND_123 } from "./sealed-123";
import { ROUND_124 } from "./sealed-124";
import { ROUND_125 } from "./sealed-125";
import { ROUND_126 } from "./sealed-126";
import { ROUND_127 } from "./sealed-127";
import { ROUND_128 } from "./sealed-128";
import { ROUND_129 } from "./sealed-129";
import { ROUND_130 } from "./sealed-130";
import { ROUND_131 } from "./sealed-131";
import { ROUND_132 } from "./sealed-132";
import { ROUND_133 } from "./sealed-133";
import { ROUND_134 } from "./sealed-134";
import { ROUND_135 } from "./sealed-135";
import { ROUND_136 } from "./sealed-136";
import { ROUND_137 } from "./sealed-137";
import { ROUND_138 } from "./sealed-138";
import { ROUND_139 } from "./sealed-139";
import { ROUND_140 } from "./sealed-140";
import { ROUND_141 } from "./sealed-141";
import { ROUND_142 } from "./sealed-142";
import { ROUND_143 } from "./sealed-143";
import { ROUND_144 } from "./sealed-144";
import { ROUND_145 } from "./sealed-145";
import { ROUND_146 } from "./sealed-146";
import { ROUND_147 } from "./sealed-147";
import { ROUND_148 } from "./sealed-148";
import { ROUND_149 } from "./sealed-149";
import { ROUND_150 } from "./sealed-150";
import { ROUND_151 } from "./sealed-151";
import { ROUND_152 } from "./sealed-152";
import { ROUND_153 } from "./sealed-153";
import { ROUND_154 } from "./sealed-154";
import { ROUND_155 } from "./sealed-155";
import { ROUND_156 } from "./sealed-156";
import { ROUND_157 } from "./sealed-157";
import { ROUND_158 } from "./sealed-158";
import { ROUND_159 } from "./sealed-159";
import { ROUND_160 } from "./sealed-160";
import { ROUND_161 } from "./sealed-161";
import { ROUND_162 } from "./sealed-162";
import { ROUND_163 } from "./sealed-163";
import { ROUND_164 } from "./sealed-164";
import { ROUND_165 } from "./sealed-165";
import { ROUND_166 } from "./sealed-166";
import { ROUND_167 } from "./sealed-167";
import { ROUND_168 } from "./sealed-168";
import { ROUND_169 } from "./sealed-169";
import { ROUND_170 } from "./sealed-170";
import { ROUND_171 } from "./sealed-171";
import { ROUND_172 } from "./sealed-172";
import { ROUND_173 } from "./sealed-173";
import { ROUND_174 } from "./sealed-174";
import { ROUND_175 } from "./sealed-175";
import { ROUND_176 } from "./sealed-176";
import { ROUND_177 } from "./sealed-177";
import { ROUND_178 } from "./sealed-178";
import { ROUND_179 } from "./sealed-179";
import { ROUND_180 } from "./sealed-180";
import { ROUND_181 } from "./sealed-181";
import { ROUND_182 } from "./sealed-182";
import { ROUND_183 } from "./sealed-183";
import { ROUND_184 } from "./sealed-184";
import { ROUND_185 } from "./sealed-185";
import { ROUND_186 } from "./sealed-186";
import { ROUND_187 } from "./sealed-187";
import { ROUND_188 } from "./sealed-188";
import { ROUND_189 } from "./sealed-189";
import { measure, summarise, type Measurement } from "./measure";
import { gridsOf, hasOpenpyxl, withExcelJs, withLibreOffice, withOpenpyxl } from "./producers";

const asOf = dayFromIso("2026-10-31")!;
/**
 * Each set with the shares of columns and of sheets it must reach: 90 % of columns and every
 * sheet. The held-out sets' first measurements, before they were learned from, are in
 * docs/RECOGNITION.md; a new set is measured the same way (a floor of what it first measured),
 * raised to what it reads once learned from.
 */
const sets: [string, readonly EvalCase[], number, number][] = [
  ["tuning", TUNING, 0.9, 1],
  ["first held-out (since learned from)", ROUND_1, 0.9, 1],
  ["second held-out (since learned from)", ROUND_2, 0.9, 1],
  ["third held-out (since learned from)", ROUND_3, 0.9, 1],
  ["fourth held-out (since learned from)", ROUND_4, 0.9, 1],
  ["fifth held-out (since learned from)", ROUND_5, 0.9, 1],
  // Sets 6-8 since learned from: every sheet, and what they read now (above their first measurement).
  ["sixth held-out (first measured 34 of 44 columns, 7 of 8 sheets; since learned from)", ROUND_6, 0.97, 1],
  ["seventh held-out (first measured 28 of 46 columns, 5 of 7 sheets; since learned from)", ROUND_7, 0.93, 1],
  ["eighth held-out (first measured 30 of 40 columns, 5 of 6 sheets; since learned from)", ROUND_8, 0.97, 1],
  ["ninth held-out (first measured 30 of 39 columns, 5 of 6 sheets)", ROUND_9, 0.76, 0.83],
  ["tenth held-out (first measured 40 of 58 columns, 8 of 8 sheets; since learned from)", ROUND_10, 0.94, 1],
  [
    "eleventh held-out (first measured 49 of 61 columns, 8 of 9 sheets; since learned from)",
    ROUND_11,
    0.96,
    1,
  ],
  [
    "twelfth held-out (first measured 49 of 58 columns, 9 of 9 sheets; since learned from)",
    ROUND_12,
    0.96,
    1,
  ],
  [
    "thirteenth held-out (first measured 49 of 60 columns, 9 of 9 sheets; since learned from)",
    ROUND_13,
    0.98,
    1,
  ],
  [
    "fourteenth held-out (first measured 34 of 48 columns, 8 of 9 sheets; since learned from)",
    ROUND_14,
    0.95,
    1,
  ],
  [
    "fifteenth held-out (first measured 49 of 60 columns, 8 of 8 sheets; since learned from)",
    ROUND_15,
    0.96,
    1,
  ],
  // Sets 16 and 17 were measured once, both before either was learned from; 16 is not learned from.
  ["sixteenth held-out (first measured 50 of 55 columns, 8 of 8 sheets)", ROUND_16, 0.98, 1],
  [
    "seventeenth held-out (first measured 34 of 48 columns, 7 of 7 sheets; since learned from)",
    ROUND_17,
    1,
    1,
  ],
  // Sets 18-21 were written by two helpers in session 5 and measured once, all four on f05cd16; since learned from.
  [
    "eighteenth held-out (first measured 30 of 64 columns, 8 of 10 sheets; since learned from)",
    ROUND_18,
    0.92,
    1,
  ],
  [
    "nineteenth held-out (first measured 46 of 62 columns, 7 of 7 sheets; since learned from)",
    ROUND_19,
    1,
    1,
  ],
  [
    "twentieth held-out (first measured 46 of 64 columns, 9 of 10 sheets; since learned from)",
    ROUND_20,
    0.9,
    1,
  ],
  [
    "twenty-first held-out (first measured 49 of 55 columns, 10 of 10 sheets; since learned from)",
    ROUND_21,
    0.98,
    1,
  ],
  // Sets 22-25: two more helpers, measured once on b3c12e2 (after learning from 18-21); since learned from.
  [
    "twenty-second held-out (first measured 55 of 64 columns, 10 of 10 sheets; since learned from)",
    ROUND_22,
    0.98,
    1,
  ],
  [
    "twenty-third held-out (first measured 23 of 46 columns, 8 of 10 sheets; since learned from)",
    ROUND_23,
    0.67,
    0.8,
  ],
  [
    "twenty-fourth held-out (first measured 48 of 61 columns, 9 of 9 sheets; since learned from)",
    ROUND_24,
    0.93,
    1,
  ],
  [
    "twenty-fifth held-out (first measured 40 of 55 columns, 8 of 10 sheets; since learned from)",
    ROUND_25,
    0.87,
    0.9,
  ],
  // Sets 26-29: two more helpers, measured once on 3a79cf1 (after learning from 22-25); since learned from.
  [
    "twenty-sixth held-out (first measured 33 of 64 columns, 8 of 10 sheets; since learned from)",
    ROUND_26,
    0.79,
    1,
  ],
  [
    "twenty-seventh held-out (first measured 32 of 55 columns, 8 of 9 sheets; since learned from)",
    ROUND_27,
    0.85,
    1,
  ],
  ["twenty-eighth held-out (first measured 60 of 64 columns, 9 of 9 sheets)", ROUND_28, 0.96, 1],
  [
    "twenty-ninth held-out (first measured 36 of 63 columns, 9 of 10 sheets; since learned from)",
    ROUND_29,
    0.85,
    1,
  ],
  // Sets 30-33: two more helpers, measured on bc516dd (after learning from 26-29) and again, unchanged, on 8d23424; since learned from.
  ["thirtieth held-out (first measured 48 of 51 columns, 9 of 9 sheets)", ROUND_30, 0.98, 1],
  ["thirty-first held-out (first measured 41 of 63 columns, 8 of 8 sheets)", ROUND_31, 0.93, 1],
  ["thirty-second held-out (first measured 49 of 62 columns, 9 of 9 sheets)", ROUND_32, 0.9, 1],
  // Set 33 gained a column from "matter" as a description word, dropped on review ("Subject Matter Expert").
  ["thirty-third held-out (first measured 27 of 50 columns, 8 of 9 sheets)", ROUND_33, 0.8, 1],
  // Sets 34-37: two more helpers, measured once on 8d23424 (after generic steps learned from 10-29); since learned from.
  ["thirty-fourth held-out (first measured 39 of 62 columns, 7 of 9 sheets)", ROUND_34, 0.83, 1],
  ["thirty-fifth held-out (first measured 27 of 47 columns, 7 of 8 sheets)", ROUND_35, 0.8, 1],
  ["thirty-sixth held-out (first measured 41 of 59 columns, 9 of 10 sheets)", ROUND_36, 0.83, 0.9],
  ["thirty-seventh held-out (first measured 54 of 65 columns, 9 of 10 sheets)", ROUND_37, 1, 0.9],
  // Sets 38-41: two more helpers, measured once on b2a1cd2 (after learning from 30-37); since learned from.
  ["thirty-eighth held-out (first measured 32 of 63 columns, 7 of 10 sheets)", ROUND_38, 0.73, 0.9],
  ["thirty-ninth held-out (first measured 36 of 54 columns, 7 of 10 sheets)", ROUND_39, 0.77, 0.8],
  ["fortieth held-out (first measured 34 of 48 columns, 9 of 9 sheets)", ROUND_40, 1, 1],
  ["forty-first held-out (first measured 45 of 64 columns, 7 of 8 sheets)", ROUND_41, 0.81, 0.87],
  // Sets 42-45: two more helpers, measured once on 9a10857 (after learning from 38-41); a little learned from (dashes, Done on, Quoted).
  ["forty-second held-out (first measured 57 of 65 columns, 9 of 9 sheets)", ROUND_42, 0.96, 1],
  ["forty-third held-out (first measured 41 of 54 columns, 7 of 8 sheets)", ROUND_43, 0.98, 0.87],
  ["forty-fourth held-out (first measured 56 of 64 columns, 10 of 10 sheets)", ROUND_44, 0.93, 1],
  // Its APQP plan was found only through "No." read as a milestone's name, a mistake mended in session 9.
  ["forty-fifth held-out (first measured 36 of 65 columns, 6 of 10 sheets)", ROUND_45, 0.56, 0.6],
  // Sets 46-49: two more helpers, measured once on 75b54b2 (after learning from 38-45); since learned from (placement, review).
  // Set 46's "UII" was read only as a one-project log's title cell ("Program" over it) until a
  // table's header row stopped naming the workbook's project in session 11 (34 -> 33 of 50).
  ["forty-sixth held-out (first measured 26 of 50 columns, 6 of 8 sheets)", ROUND_46, 0.66, 0.87],
  ["forty-seventh held-out (first measured 54 of 64 columns, 8 of 9 sheets)", ROUND_47, 0.95, 1],
  ["forty-eighth held-out (first measured 47 of 54 columns, 7 of 9 sheets)", ROUND_48, 0.98, 0.88],
  ["forty-ninth held-out (first measured 32 of 50 columns, 9 of 10 sheets)", ROUND_49, 0.74, 1],
  // Sets 50-53: two more helpers, measured once on cfce574 (after learning from 46-49); since learned from.
  ["fiftieth held-out (first measured 43 of 64 columns, 6 of 9 sheets)", ROUND_50, 0.9, 1],
  ["fifty-first held-out (first measured 52 of 60 columns, 9 of 9 sheets)", ROUND_51, 1, 1],
  ["fifty-second held-out (first measured 39 of 65 columns, 8 of 10 sheets)", ROUND_52, 0.89, 1],
  ["fifty-third held-out (first measured 49 of 58 columns, 10 of 10 sheets)", ROUND_53, 0.98, 1],
  // Sets 54-57: two more helpers, measured once on 9d47ff2 (after learning from 30-53); learned from in session 8.
  ["fifty-fourth held-out (first measured 58 of 65 columns, 9 of 9 sheets)", ROUND_54, 0.95, 1],
  ["fifty-fifth held-out (first measured 51 of 66 columns, 8 of 9 sheets)", ROUND_55, 0.95, 1],
  ["fifty-sixth held-out (first measured 68 of 82 columns, 8 of 9 sheets)", ROUND_56, 0.97, 1],
  ["fifty-seventh held-out (first measured 54 of 68 columns, 10 of 10 sheets)", ROUND_57, 0.98, 1],
  // Sets 58-61: four helpers, measured once on 44e131a (after learning from 54-57's first step); since learned from.
  ["fifty-eighth held-out (first measured 72 of 76 columns, 9 of 9 sheets)", ROUND_58, 1, 1],
  ["fifty-ninth held-out (first measured 59 of 65 columns, 9 of 9 sheets)", ROUND_59, 0.93, 1],
  ["sixtieth held-out (first measured 57 of 66 columns, 9 of 9 sheets)", ROUND_60, 0.92, 1],
  ["sixty-first held-out (first measured 62 of 65 columns, 9 of 9 sheets)", ROUND_61, 1, 1],
  // Sets 62-65: four helpers, measured once on 57a6ef9 (after learning from 54-57); since learned from.
  ["sixty-second held-out (first measured 60 of 65 columns, 9 of 9 sheets)", ROUND_62, 0.96, 1],
  ["sixty-third held-out (first measured 46 of 65 columns, 9 of 9 sheets)", ROUND_63, 0.8, 1],
  ["sixty-fourth held-out (first measured 61 of 68 columns, 8 of 9 sheets)", ROUND_64, 0.95, 1],
  ["sixty-fifth held-out (first measured 41 of 65 columns, 6 of 9 sheets)", ROUND_65, 0.75, 0.88],
  // Sets 66-69: four helpers, measured once on b9e7398 (after learning from 58-65); since learned from.
  ["sixty-sixth held-out (first measured 56 of 67 columns, 9 of 9 sheets)", ROUND_66, 0.91, 1],
  ["sixty-seventh held-out (first measured 48 of 65 columns, 8 of 9 sheets)", ROUND_67, 0.86, 1],
  ["sixty-eighth held-out (first measured 59 of 66 columns, 9 of 9 sheets)", ROUND_68, 0.95, 1],
  ["sixty-ninth held-out (first measured 67 of 77 columns, 9 of 9 sheets)", ROUND_69, 0.92, 1],
  // Sets 70-73: four helpers, measured once on a242e03 (after learning from 66-69); since learned from.
  ["seventieth held-out (first measured 58 of 65 columns, 9 of 9 sheets)", ROUND_70, 0.98, 1],
  ["seventy-first held-out (first measured 60 of 64 columns, 9 of 9 sheets)", ROUND_71, 0.95, 1],
  ["seventy-second held-out (first measured 63 of 77 columns, 8 of 9 sheets)", ROUND_72, 0.93, 1],
  ["seventy-third held-out (first measured 62 of 65 columns, 9 of 9 sheets)", ROUND_73, 0.96, 1],
  // Sets 74-77: four helpers, measured once on 0de1d61 (after learning from 70-73); since learned from.
  ["seventy-fourth held-out (first measured 69 of 74 columns, 9 of 9 sheets)", ROUND_74, 0.94, 1],
  ["seventy-fifth held-out (first measured 57 of 64 columns, 9 of 9 sheets)", ROUND_75, 0.9, 1],
  ["seventy-sixth held-out (first measured 55 of 64 columns, 9 of 9 sheets)", ROUND_76, 0.92, 1],
  ["seventy-seventh held-out (first measured 49 of 65 columns, 8 of 9 sheets)", ROUND_77, 0.83, 0.88],
  // Sets 78-81: four helpers, measured once on f613342 (after learning from 74-77).
  // A review's fixes after these measurements (a rating not given is missing; Outcome no status) cost 58, 62, 70, 71, 74 a column each.
  ["seventy-eighth held-out (first measured 73 of 77 columns, 9 of 9 sheets)", ROUND_78, 0.96, 1],
  ["seventy-ninth held-out (first measured 58 of 65 columns, 9 of 9 sheets)", ROUND_79, 0.89, 1],
  ["eightieth held-out (first measured 64 of 73 columns, 9 of 9 sheets)", ROUND_80, 0.91, 1],
  ["eighty-first held-out (first measured 57 of 65 columns, 9 of 9 sheets)", ROUND_81, 0.9, 1],
  // Sets 82-85: four helpers, measured once on 40c4be1 (after learning from 78-81 and the review); since learned from.
  ["eighty-second held-out (first measured 52 of 66 columns, 8 of 9 sheets)", ROUND_82, 0.93, 1],
  ["eighty-third held-out (first measured 57 of 65 columns, 9 of 9 sheets)", ROUND_83, 0.95, 1],
  // Set 84's "GRO (Baseline)" was read only while a "Lanes" column of 8, 7 counted as dates and
  // tied "POS Cutover" out; small numbers are no dates since session 10 (62 -> 61 of 63).
  ["eighty-fourth held-out (first measured 60 of 63 columns, 9 of 9 sheets)", ROUND_84, 0.96, 1],
  ["eighty-fifth held-out (first measured 65 of 67 columns, 9 of 9 sheets)", ROUND_85, 0.98, 1],
  // Sets 86-89: four helpers, measured once on 9ff6747 (after learning from 82-85); since learned from.
  ["eighty-sixth held-out (first measured 55 of 64 columns, 9 of 9 sheets)", ROUND_86, 0.89, 1],
  ["eighty-seventh held-out (first measured 55 of 76 columns, 9 of 9 sheets)", ROUND_87, 0.96, 1],
  ["eighty-eighth held-out (first measured 71 of 74 columns, 9 of 9 sheets)", ROUND_88, 1, 1],
  ["eighty-ninth held-out (first measured 50 of 65 columns, 8 of 9 sheets)", ROUND_89, 0.84, 0.88],
  // Sets 90-93: four helpers, measured once on c5d6038 (after learning from 86-89); since learned from.
  ["ninetieth held-out (first measured 43 of 65 columns, 7 of 9 sheets)", ROUND_90, 0.81, 0.88],
  ["ninety-first held-out (first measured 48 of 65 columns, 8 of 9 sheets)", ROUND_91, 0.89, 1],
  // Set 92 gave back "Revised production start" as a change's new finish to a review (a start is no finish).
  ["ninety-second held-out (first measured 70 of 79 columns, 9 of 9 sheets)", ROUND_92, 0.92, 1],
  ["ninety-third held-out (first measured 63 of 66 columns, 9 of 9 sheets)", ROUND_93, 0.98, 1],
  // Sets 94-97: four helpers, measured once on d84b712 (after learning from 90-93); since learned from.
  ["ninety-fourth held-out (first measured 59 of 65 columns, 9 of 9 sheets)", ROUND_94, 0.98, 1],
  ["ninety-fifth held-out (first measured 61 of 65 columns, 9 of 9 sheets)", ROUND_95, 0.96, 1],
  ["ninety-sixth held-out (first measured 58 of 65 columns, 9 of 9 sheets)", ROUND_96, 0.92, 1],
  ["ninety-seventh held-out (first measured 49 of 65 columns, 9 of 9 sheets)", ROUND_97, 0.84, 1],
  // Sets 98-101: four helpers, measured once on 3e239de (after learning from 94-97); since learned from.
  // Set 100's timeline was found at first only through "#" read as a milestone's name (mended).
  ["ninety-eighth held-out (first measured 52 of 65 columns, 8 of 9 sheets)", ROUND_98, 0.92, 1],
  ["ninety-ninth held-out (first measured 61 of 77 columns, 8 of 9 sheets)", ROUND_99, 0.8, 0.88],
  ["hundredth held-out (first measured 34 of 66 columns, 8 of 9 sheets)", ROUND_100, 0.63, 0.77],
  ["hundred-and-first held-out (first measured 61 of 66 columns, 9 of 9 sheets)", ROUND_101, 0.93, 1],
  // Sets 102-105: four helpers, measured once on 4797117 (after learning from 98-101); a little learned from.
  ["hundred-and-second held-out (first measured 59 of 66 columns, 8 of 9 sheets)", ROUND_102, 0.9, 0.88],
  ["hundred-and-third held-out (first measured 54 of 67 columns, 9 of 9 sheets)", ROUND_103, 0.86, 1],
  ["hundred-and-fourth held-out (first measured 61 of 68 columns, 8 of 9 sheets)", ROUND_104, 0.94, 0.88],
  ["hundred-and-fifth held-out (first measured 62 of 65 columns, 9 of 9 sheets)", ROUND_105, 0.98, 1],
  // Sets 106-109: four helpers, 106 measured once on 0329f69, 107-109 on c73dbb2; since learned from.
  ["hundred-and-sixth held-out (first measured 57 of 64 columns, 8 of 9 sheets)", ROUND_106, 0.92, 0.88],
  ["hundred-and-seventh held-out (first measured 73 of 77 columns, 9 of 9 sheets)", ROUND_107, 0.98, 1],
  // Set 108 gave back "Revised Start-up Date" as a change's new finish to a review (a start is no finish).
  ["hundred-and-eighth held-out (first measured 59 of 64 columns, 9 of 9 sheets)", ROUND_108, 0.96, 1],
  ["hundred-and-ninth held-out (first measured 75 of 76 columns, 9 of 9 sheets)", ROUND_109, 0.98, 1],
  // Sets 110-113: four helpers, measured once on ef8d33e (after learning from 106-109); since learned from.
  // Set 110's board "Name" as a change's title was dropped on review (a form's Name is who asked).
  ["hundred-and-tenth held-out (first measured 56 of 65 columns, 9 of 9 sheets)", ROUND_110, 0.93, 1],
  ["hundred-and-eleventh held-out (first measured 68 of 73 columns, 8 of 9 sheets)", ROUND_111, 0.98, 1],
  ["hundred-and-twelfth held-out (first measured 53 of 65 columns, 10 of 10 sheets)", ROUND_112, 0.87, 1],
  ["hundred-and-thirteenth held-out (first measured 59 of 60 columns, 9 of 9 sheets)", ROUND_113, 0.98, 1],
  // Sets 114-117: four helpers, measured once on 0bd978d (after learning from 110-113); since learned from.
  ["hundred-and-fourteenth held-out (first measured 64 of 65 columns, 9 of 9 sheets)", ROUND_114, 1, 1],
  ["hundred-and-fifteenth held-out (first measured 57 of 62 columns, 9 of 9 sheets)", ROUND_115, 0.98, 1],
  ["hundred-and-sixteenth held-out (first measured 39 of 56 columns, 8 of 9 sheets)", ROUND_116, 0.78, 1],
  ["hundred-and-seventeenth held-out (first measured 58 of 65 columns, 8 of 9 sheets)", ROUND_117, 0.93, 1],
  // Sets 118-121: four helpers, measured once on 1362ffe (after learning from 114-117); since learned
  // from (set 120's risk register is in Dutch, out of scope).
  ["hundred-and-eighteenth held-out (first measured 65 of 67 columns, 8 of 9 sheets)", ROUND_118, 0.98, 0.88],
  // Set 119's "Used to date" was read while "used" meant spending; a review found "Hours Used" read as a cost.
  ["hundred-and-nineteenth held-out (first measured 56 of 65 columns, 9 of 9 sheets)", ROUND_119, 0.92, 1],
  ["hundred-and-twentieth held-out (first measured 48 of 68 columns, 6 of 9 sheets)", ROUND_120, 0.85, 0.88],
  [
    "hundred-and-twenty-first held-out (first measured 53 of 67 columns, 10 of 10 sheets)",
    ROUND_121,
    0.94,
    1,
  ],
  // Sets 122-125: four helpers, measured once on ffd95d0 (after learning from 118-121); since learned from.
  [
    "hundred-and-twenty-second held-out (first measured 46 of 61 columns, 10 of 10 sheets)",
    ROUND_122,
    0.86,
    1,
  ],
  ["hundred-and-twenty-third held-out (first measured 41 of 65 columns, 8 of 9 sheets)", ROUND_123, 0.81, 1],
  ["hundred-and-twenty-fourth held-out (first measured 47 of 60 columns, 9 of 9 sheets)", ROUND_124, 0.9, 1],
  // Sets 125 and 129 each gave back a column to a review: "FAC" is also a final acceptance
  // certificate's date, "Frequency" a ticket's how-often.
  ["hundred-and-twenty-fifth held-out (first measured 69 of 81 columns, 9 of 9 sheets)", ROUND_125, 0.88, 1],
  // Sets 126-129: four helpers, measured once on e934672 (after learning from 122-125); set 127's
  // Finnish portfolio sheet is out of scope (non-English).
  [
    "hundred-and-twenty-sixth held-out (first measured 59 of 67 columns, 8 of 9 sheets)",
    ROUND_126,
    0.88,
    0.88,
  ],
  [
    "hundred-and-twenty-seventh held-out (first measured 50 of 71 columns, 8 of 9 sheets)",
    ROUND_127,
    0.76,
    0.88,
  ],
  ["hundred-and-twenty-eighth held-out (first measured 66 of 79 columns, 9 of 9 sheets)", ROUND_128, 0.84, 1],
  ["hundred-and-twenty-ninth held-out (first measured 76 of 91 columns, 9 of 9 sheets)", ROUND_129, 0.91, 1],
  // Sets 130-133: four helpers, measured once on c1cc763 (after learning from 126-129); set 133's
  // Dolibarr export has French headers, out of scope (non-English).
  ["hundred-and-thirtieth held-out (first measured 82 of 88 columns, 9 of 9 sheets)", ROUND_130, 0.95, 1],
  ["hundred-and-thirty-first held-out (first measured 75 of 91 columns, 9 of 9 sheets)", ROUND_131, 0.85, 1],
  ["hundred-and-thirty-second held-out (first measured 47 of 60 columns, 9 of 9 sheets)", ROUND_132, 0.81, 1],
  ["hundred-and-thirty-third held-out (first measured 38 of 60 columns, 9 of 9 sheets)", ROUND_133, 0.66, 1],
  // Sets 134-137: four helpers, measured once on 8ec43d4 (after learning from 130-133).
  ["hundred-and-thirty-fourth held-out (first measured 47 of 63 columns, 9 of 9 sheets)", ROUND_134, 0.79, 1],
  [
    "hundred-and-thirty-fifth held-out (first measured 42 of 61 columns, 6 of 9 sheets)",
    ROUND_135,
    0.8,
    0.88,
  ],
  ["hundred-and-thirty-sixth held-out (first measured 53 of 69 columns, 8 of 9 sheets)", ROUND_136, 0.84, 1],
  [
    "hundred-and-thirty-seventh held-out (first measured 41 of 70 columns, 6 of 9 sheets)",
    ROUND_137,
    0.72,
    0.77,
  ],
  // Sets 138-141: four helpers, measured once on f886048 (after learning from 137), written to the
  // kinds of workbook issue 13 names: RAID logs, single-project logs, programme trackers.
  ["hundred-and-thirty-eighth held-out (first measured 72 of 81 columns, 9 of 9 sheets)", ROUND_138, 0.88, 1],
  ["hundred-and-thirty-ninth held-out (first measured 60 of 71 columns, 9 of 9 sheets)", ROUND_139, 0.85, 1],
  ["hundred-and-fortieth held-out (first measured 60 of 64 columns, 9 of 9 sheets)", ROUND_140, 0.95, 1],
  ["hundred-and-forty-first held-out (first measured 69 of 82 columns, 9 of 9 sheets)", ROUND_141, 0.89, 1],
  // Sets 142-145: four helpers, measured once on 96c41f9 (after learning from 134-141): portfolio
  // packs with earned value, construction abroad, donor-funded programmes, software teams' sheets.
  ["hundred-and-forty-second held-out (first measured 65 of 73 columns, 9 of 9 sheets)", ROUND_142, 0.9, 1],
  ["hundred-and-forty-third held-out (first measured 43 of 64 columns, 9 of 9 sheets)", ROUND_143, 0.76, 1],
  [
    "hundred-and-forty-fourth held-out (first measured 50 of 64 columns, 10 of 10 sheets)",
    ROUND_144,
    0.79,
    1,
  ],
  ["hundred-and-forty-fifth held-out (first measured 59 of 77 columns, 8 of 9 sheets)", ROUND_145, 0.8, 0.88],
  // Sets 146-149: four helpers, measured once on 5982374 (after learning from 134-145): utilities'
  // capital delivery, agencies' client trackers (set 147's Zagreb workbook has Croatian headers,
  // out of scope), banks' and insurers' programmes abroad, health-system projects.
  ["hundred-and-forty-sixth held-out (first measured 68 of 82 columns, 9 of 9 sheets)", ROUND_146, 0.89, 1],
  ["hundred-and-forty-seventh held-out (first measured 45 of 72 columns, 9 of 9 sheets)", ROUND_147, 0.63, 1],
  [
    "hundred-and-forty-eighth held-out (first measured 80 of 84 columns, 8 of 9 sheets)",
    ROUND_148,
    0.96,
    0.88,
  ],
  ["hundred-and-forty-ninth held-out (first measured 73 of 82 columns, 9 of 9 sheets)", ROUND_149, 0.9, 1],
  // Sets 150-153: four helpers, measured once on df7c4db (after learning from 134-149): US state and
  // city PMOs, SharePoint list exports, manufacturing NPI and capital engineering, school bonds.
  ["hundred-and-fiftieth held-out (first measured 54 of 66 columns, 9 of 9 sheets)", ROUND_150, 0.81, 1],
  [
    "hundred-and-fifty-first held-out (first measured 77 of 79 columns, 8 of 9 sheets)",
    ROUND_151,
    0.98,
    0.88,
  ],
  ["hundred-and-fifty-second held-out (first measured 58 of 70 columns, 9 of 9 sheets)", ROUND_152, 0.85, 1],
  ["hundred-and-fifty-third held-out (first measured 49 of 62 columns, 9 of 9 sheets)", ROUND_153, 0.8, 1],
  // Sets 154-157: four helpers, measured once on 6369e90 (after learning from 146-153 and a second
  // review): network rollouts, housing developers, major events (set 156's Milano Cortina sheet has
  // Italian headers, out of scope), defence and space programmes.
  ["hundred-and-fifty-fourth held-out (first measured 62 of 72 columns, 9 of 9 sheets)", ROUND_154, 0.88, 1],
  ["hundred-and-fifty-fifth held-out (first measured 48 of 69 columns, 9 of 9 sheets)", ROUND_155, 0.76, 1],
  [
    "hundred-and-fifty-sixth held-out (first measured 47 of 64 columns, 8 of 9 sheets)",
    ROUND_156,
    0.78,
    0.88,
  ],
  ["hundred-and-fifty-seventh held-out (first measured 50 of 65 columns, 9 of 9 sheets)", ROUND_157, 0.84, 1],
  // Sets 158-161: four helpers, measured once on dd559cf (after learning from 138-157): registers
  // exported from ServiceNow, Jira, Azure Boards and Smartsheet; pharmaceutical R&D (set 159's
  // portfolio list is in Japanese, out of scope); mining and oil and gas capital projects;
  // universities and research grants.
  [
    "hundred-and-fifty-eighth held-out (first measured 41 of 68 columns, 6 of 9 sheets)",
    ROUND_158,
    0.73,
    0.77,
  ],
  [
    "hundred-and-fifty-ninth held-out (first measured 41 of 62 columns, 8 of 9 sheets)",
    ROUND_159,
    0.66,
    0.88,
  ],
  ["hundred-and-sixtieth held-out (first measured 49 of 61 columns, 9 of 9 sheets)", ROUND_160, 0.83, 1],
  [
    "hundred-and-sixty-first held-out (first measured 59 of 62 columns, 8 of 9 sheets)",
    ROUND_161,
    0.96,
    0.88,
  ],
  // Sets 162-165: four helpers, measured once on d95d676 (after learning from 154-158): exports of
  // Planview, Clarity, Microsoft Project, Wrike and Asana; consultancies, law firms and agencies;
  // retail and restaurant rollouts; airports and seaports.
  ["hundred-and-sixty-second held-out (first measured 59 of 72 columns, 8 of 9 sheets)", ROUND_162, 0.88, 1],
  ["hundred-and-sixty-third held-out (first measured 82 of 102 columns, 8 of 9 sheets)", ROUND_163, 0.82, 1],
  ["hundred-and-sixty-fourth held-out (first measured 61 of 71 columns, 9 of 9 sheets)", ROUND_164, 0.88, 1],
  ["hundred-and-sixty-fifth held-out (first measured 61 of 72 columns, 8 of 9 sheets)", ROUND_165, 0.91, 1],
  // Sets 166-169: four helpers, measured once on 85d772b: renewable energy developers (set 166's
  // Brazilian and Spanish workbooks are out of scope), charities, vendors' Excel templates as small
  // firms fill them in, flood defence and rail programmes.
  [
    "hundred-and-sixty-sixth held-out (first measured 45 of 70 columns, 7 of 9 sheets)",
    ROUND_166,
    0.64,
    0.77,
  ],
  ["hundred-and-sixty-seventh held-out (first measured 51 of 61 columns, 9 of 9 sheets)", ROUND_167, 0.86, 1],
  ["hundred-and-sixty-eighth held-out (first measured 51 of 63 columns, 9 of 9 sheets)", ROUND_168, 0.85, 1],
  ["hundred-and-sixty-ninth held-out (first measured 52 of 65 columns, 9 of 9 sheets)", ROUND_169, 0.8, 1],
  // Sets 170-173: four helpers, measured once on 16e7233: exports of Airtable, Linear, Notion,
  // ClickUp and Aha!; logistics and warehouse automation; real estate capex; broadcasters and
  // production companies (set 173's German newsroom workbook is out of scope).
  ["hundred-and-seventieth held-out (first measured 59 of 72 columns, 9 of 9 sheets)", ROUND_170, 0.87, 1],
  ["hundred-and-seventy-first held-out (first measured 68 of 77 columns, 9 of 9 sheets)", ROUND_171, 0.89, 1],
  [
    "hundred-and-seventy-second held-out (first measured 58 of 68 columns, 9 of 9 sheets)",
    ROUND_172,
    0.86,
    1,
  ],
  [
    "hundred-and-seventy-third held-out (first measured 45 of 67 columns, 8 of 9 sheets)",
    ROUND_173,
    0.7,
    0.88,
  ],
  // Sets 174-177: four helpers, measured once on 12e7517: game studios and mobile-app companies,
  // information-security programmes (ISO 27001, TISAX, pen-test findings), systems integrators'
  // ERP and CRM rollouts, and registers software writes (SharePoint lists, Google Forms, pandas
  // extracts; set 177's Norwegian extract is out of scope).
  [
    "hundred-and-seventy-fourth held-out (first measured 57 of 68 columns, 9 of 9 sheets)",
    ROUND_174,
    0.85,
    1,
  ],
  [
    "hundred-and-seventy-fifth held-out (first measured 66 of 85 columns, 8 of 10 sheets)",
    ROUND_175,
    0.84,
    0.9,
  ],
  ["hundred-and-seventy-sixth held-out (first measured 62 of 75 columns, 9 of 9 sheets)", ROUND_176, 0.88, 1],
  [
    "hundred-and-seventy-seventh held-out (first measured 31 of 60 columns, 6 of 9 sheets)",
    ROUND_177,
    0.58,
    0.77,
  ],
  // Sets 178-181: four helpers, measured once on e651f58: space missions and small-satellite
  // companies, food, drink and agriculture, light work-management tools' exports (monday.com,
  // Trello, Zoho Projects, Planner), and small organisations' own hand-made trackers.
  [
    "hundred-and-seventy-eighth held-out (first measured 57 of 69 columns, 9 of 9 sheets)",
    ROUND_178,
    0.84,
    1,
  ],
  ["hundred-and-seventy-ninth held-out (first measured 62 of 71 columns, 9 of 9 sheets)", ROUND_179, 0.9, 1],
  ["hundred-and-eightieth held-out (first measured 50 of 60 columns, 9 of 9 sheets)", ROUND_180, 0.86, 1],
  [
    "hundred-and-eighty-first held-out (first measured 64 of 75 columns, 10 of 10 sheets)",
    ROUND_181,
    0.88,
    1,
  ],
  // Sets 182-185: four helpers, measured once on 563f84c: merger integration and separation
  // offices (IMO synergy trackers, TSA exits, Day 1 checklists), sustainability and net-zero
  // programmes, audit, SOX and regulatory remediation trackers, and cloud migration and data
  // centre exit programmes.
  [
    "hundred-and-eighty-second held-out (first measured 64 of 81 columns, 6 of 9 sheets)",
    ROUND_182,
    0.8,
    0.66,
  ],
  ["hundred-and-eighty-third held-out (first measured 53 of 61 columns, 9 of 9 sheets)", ROUND_183, 0.86, 1],
  [
    "hundred-and-eighty-fourth held-out (first measured 44 of 76 columns, 5 of 9 sheets)",
    ROUND_184,
    0.71,
    0.77,
  ],
  [
    "hundred-and-eighty-fifth held-out (first measured 60 of 76 columns, 8 of 9 sheets)",
    ROUND_185,
    0.8,
    0.88,
  ],
  // Sets 186-189: four helpers, measured once on 92835e0: police, fire and ambulance services'
  // change and capital programmes, shipbuilding, ship repair and ports, large science facilities
  // (fusion, telescopes, accelerators, polar stations), and hospitals' EHR and clinical systems.
  ["hundred-and-eighty-sixth held-out (first measured 77 of 85 columns, 9 of 9 sheets)", ROUND_186, 0.92, 1],
  [
    "hundred-and-eighty-seventh held-out (first measured 54 of 62 columns, 9 of 9 sheets)",
    ROUND_187,
    0.87,
    1,
  ],
  ["hundred-and-eighty-eighth held-out (first measured 75 of 81 columns, 9 of 9 sheets)", ROUND_188, 0.93, 1],
  [
    "hundred-and-eighty-ninth held-out (first measured 62 of 72 columns, 8 of 9 sheets)",
    ROUND_189,
    0.86,
    0.88,
  ],
];

async function measureAll(cases: readonly EvalCase[]): Promise<Record<string, Measurement[]>> {
  const out: Record<string, Measurement[]> = { exceljs: [] };
  for (const c of cases) out.exceljs.push(measure(await withExcelJs(c), c, asOf));
  if (hasOpenpyxl()) {
    const dir = withOpenpyxl(cases);
    out.openpyxl = cases.map((c) => measure(gridsOf(dir, c), c, asOf));
    if (hasLibreOffice()) {
      const lo = withLibreOffice(cases, dir);
      out.libreoffice = cases.map((c) => measure(gridsOf(lo, c), c, asOf));
    }
  }
  return out;
}

describe.each(sets)("the %s registers", (name, cases, floor, sheetsFloor) => {
  let results: Record<string, Measurement[]>;
  beforeAll(async () => {
    results = await measureAll(cases);
  }, 300_000);

  it(`are found (at least ${Math.round(sheetsFloor * 100)} % of register sheets), whichever program wrote them`, () => {
    for (const [producer, ms] of Object.entries(results)) {
      const sheets = ms.flatMap((m) => m.sheets);
      const missed = sheets.filter((s) => !s.ok);
      if (sheetsFloor === 1) expect({ producer, missed }).toEqual({ producer, missed: [] });
      expect(1 - missed.length / sheets.length).toBeGreaterThanOrEqual(sheetsFloor - 1e-9);
    }
  });

  it(`have at least ${floor * 100} % of their mappable columns recognised with their values read`, () => {
    for (const [producer, ms] of Object.entries(results)) {
      const s = summarise(ms);
      if (process.env.RECOGNITION_REPORT) {
        console.log(name, producer, JSON.stringify(s));
        for (const c of ms.flatMap((m) => m.columns))
          if (!c.recognised || c.unread > 0)
            console.log(
              `  ${c.file} ${c.sheet} ${c.register}: "${c.header}" -> ${c.field}, got ${c.got ?? "-"}; ${c.unread}/${c.values} unread`,
            );
      }
      expect({ producer, share: s.recognisedAndRead / s.columns }).toEqual({
        producer,
        share: expect.any(Number),
      });
      expect(s.recognisedAndRead / s.columns).toBeGreaterThanOrEqual(floor);
    }
  });
});
