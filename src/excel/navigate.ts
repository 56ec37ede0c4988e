/**
 * Moving the user's view (activate a sheet, select cells) comes last, in its own sync, after the
 * command's writes have been synced. If the user switched to another workbook while the command ran,
 * Excel may refuse the move; the work is then already complete, so the command reports what it did
 * instead of failing half-applied. A batch is not a transaction: the commands before a failing one
 * in the same sync have already run (OfficeExtension.Error.traceMessages "contains all trace messages
 * that were executed before the error occurred",
 * https://learn.microsoft.com/javascript/api/office/officeextension.error), so a move queued with
 * the writes could fail the command after the writes were made.
 */

/**
 * Queues the move and syncs it; true when Excel made it, false when it refused.
 * @example await navigateLast(context, () => ws.activate()) // => true
 */
export async function navigateLast(context: Excel.RequestContext, queue: () => void): Promise<boolean> {
  try {
    queue();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}
