import { InitialSchema1763700000000 } from './1763700000000-initial-schema';
import { TicketConversation1764100000000 } from './1764100000000-ticket-conversation';
import { AttachmentFiles1764200000000 } from './1764200000000-attachment-files';
import { InstanceCoordination1764300000000 } from './1764300000000-instance-coordination';
import { TicketSearch1764700000000 } from './1764700000000-ticket-search';
import { Notifications1764700000001 } from './1764700000001-notifications';
import { SavedViews1764700000002 } from './1764700000002-saved-views';
import { ReplyTemplates1764700000003 } from './1764700000003-reply-templates';

/** Every migration in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [
  InitialSchema1763700000000,
  TicketConversation1764100000000,
  AttachmentFiles1764200000000,
  InstanceCoordination1764300000000,
  TicketSearch1764700000000,
  Notifications1764700000001,
  SavedViews1764700000002,
  ReplyTemplates1764700000003,
];
