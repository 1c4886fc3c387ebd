/**
 * The Changes register (change requests) of the built-in standard: what change control reads to
 * tell an approved re-baseline from a quiet one. A status value marked `approved` counts as an
 * approval from the request's decision date.
 */
import type { StandardInput } from "./schema";

type RegisterInput = StandardInput["registers"]["projects"];

export const CHANGES_REGISTER: RegisterInput = {
  sheet: "Changes",
  synonyms: [
    "Change Log",
    "Change Requests",
    "Change Register",
    "CR Log",
    "Change Request Log",
    "Change Control Log",
    "Changes Register",
    "RAID Changes",
  ],
  key: "changeId",
  columns: [
    {
      field: "changeId",
      header: "Change ID",
      synonyms: [
        "CR ID",
        "CR No",
        "CR Number",
        "CR Ref",
        "Change Ref",
        "Change No",
        "Change Number",
        "ID",
        "Ref",
      ],
      type: "text",
      presence: "required",
      required: true,
      unique: true,
    },
    {
      field: "projectId",
      header: "Project ID",
      synonyms: ["Proj ID", "Project Code", "Project No", "Project Number", "Project Ref", "Project"],
      type: "text",
      presence: "required",
      required: true,
      references: "projects",
    },
    {
      field: "title",
      header: "Title",
      synonyms: ["Change Title", "Description", "Change Description", "Change", "Summary"],
      type: "text",
      presence: "recommended",
      required: true,
    },
    {
      field: "status",
      header: "Status",
      synonyms: ["Change Status", "CR Status", "Decision Status", "State", "Decision"],
      type: "enum",
      presence: "required",
      required: true,
      values: [
        {
          value: "Raised",
          aliases: ["New", "Open", "Draft", "Proposed", "Logged", "Identified", "Notified"],
        },
        {
          value: "Submitted",
          aliases: [
            "Pending",
            "Under Review",
            "In Review",
            "Awaiting Decision",
            "Pending Approval",
            "Awaiting Approval",
            "Assessed",
            "Deferred",
            "On Hold",
            "Active",
          ],
        },
        { value: "Approved", aliases: ["Accepted", "Authorised", "Authorized", "Agreed"], approved: true },
        { value: "Rejected", aliases: ["Declined", "Refused", "Not Approved"], closed: true },
        { value: "Withdrawn", aliases: ["Cancelled", "Canceled"], closed: true },
        {
          value: "Implemented",
          aliases: ["Done", "Complete", "Completed", "Closed", "Resolved"],
          closed: true,
          approved: true,
        },
      ],
    },
    {
      field: "raisedDate",
      header: "Raised Date",
      synonyms: ["Raised", "Date Raised", "Raised On", "Date Logged", "Logged", "Requested"],
      type: "date",
      presence: "recommended",
    },
    {
      field: "decisionDate",
      header: "Decision Date",
      synonyms: ["Approved Date", "Approval Date", "Date Approved", "Approved On", "Date Decided", "Decided"],
      type: "date",
      presence: "recommended",
      description:
        "The date the change was approved (or rejected); a re-baseline counts as approved from it.",
    },
    {
      field: "newBaselineFinish",
      header: "New Baseline Finish",
      synonyms: ["New Finish", "Revised Baseline Finish", "Revised Finish", "New End Date"],
      type: "date",
    },
    {
      field: "newBudget",
      header: "New Budget",
      synonyms: ["Revised Budget", "New BAC", "Revised BAC"],
      type: "money",
      min: 0,
    },
  ],
};
