import { todayIn } from '../../shared/dates/local-date';
import { defineHandlers } from '../api/handlers';
import type { HandlerContext } from '../api/handler-context';
import { listGuides } from './guide-repository';
import { archiveGuide, createGuide, editGuide, requireGuide } from './guide-service';

function ruleContext({ session, now }: HandlerContext) {
  return { today: todayIn(session.requireInfo().timeZone, now()) };
}

export const guideHandlers = defineHandlers('guides', {
  'guides.list': (input, { session }) => listGuides(session.requireDb(), input?.storeId),
  'guides.get': ({ id }, { session }) => requireGuide(session.requireDb(), id),
  'guides.create': (values, context) =>
    createGuide(context.session.requireDb(), values, context.now(), ruleContext(context)),
  'guides.update': ({ id, ...values }, context) =>
    editGuide(context.session.requireDb(), id, values, context.now(), ruleContext(context)),
  'guides.archive': ({ id }, { session, now }) => archiveGuide(session.requireDb(), id, true, now()),
  'guides.restore': ({ id }, { session, now }) => archiveGuide(session.requireDb(), id, false, now()),
});
