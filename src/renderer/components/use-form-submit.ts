import { ref } from 'vue';
import { useFeedbackStore } from '../state/feedback';
import { useFieldErrors } from './field-errors';

export interface SubmitOptions<T> {
  /** The notice after a good save; none for a quiet one. */
  success?: string | ((result: T) => string);
  /** Runs after a good save (take the result, close the dialog, tell the parent). */
  done?: (result: T) => void | Promise<void>;
  /**
   * Whether a refusal naming fields shows under those fields (the default) or as a message:
   * a form without inputs for the fields would otherwise swallow it.
   */
  fieldErrors?: boolean;
  /** Runs after the failure was shown (read again what a change made elsewhere left). */
  failed?: (error: unknown) => void | Promise<void>;
}

/**
 * How every form saves: one call at a time with a busy flag, the core's field errors under the
 * form's inputs, a notice for success or failure. On failure nothing is reset, so what the user
 * typed is still there to correct.
 */
export function useFormSubmit() {
  const fields = useFieldErrors();
  const feedback = useFeedbackStore();
  const busy = ref(false);

  /** Sends the call; true when it succeeded. */
  async function submit<T>(call: () => Promise<T>, options: SubmitOptions<T> = {}): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    try {
      const result = await call();
      const text = typeof options.success === 'function' ? options.success(result) : options.success;
      if (text) feedback.success(text);
      await options.done?.(result);
      return true;
    } catch (error) {
      if (options.fieldErrors === false || !fields.takeFromCall(error)) feedback.showError(error);
      await options.failed?.(error);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { ...fields, busy, submit };
}
