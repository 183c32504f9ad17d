/**
 * What each interview.yaml field is for, with examples: the text an editor
 * shows while completing the file (through the JSON Schema).
 */

/** Description and examples of one field, by dotted path. */
export interface FieldDoc {
  readonly description: string;
  readonly examples: readonly unknown[];
}

export const FIELD_DOCS: Readonly<Record<string, FieldDoc>> = {
  student: { description: 'You, the student asking for the interview.', examples: [{ name: 'Maya Patel' }] },
  'student.name': { description: 'Your name as it should appear on the documents (required).', examples: ['Maya Patel'] },
  'student.email': { description: 'Your email address, for the signature and the thank-you email.', examples: ['maya.patel@example.edu'] },
  'student.phone': { description: 'Your phone number, for the signature.', examples: ['(555) 010-0142'] },
  'student.linkedin': { description: 'Your LinkedIn profile (http or https).', examples: ['https://www.linkedin.com/in/maya-patel'] },
  'student.program': { description: 'What you study.', examples: ['B.S. Psychology'] },
  'student.school': { description: 'Where you study.', examples: ['State University'] },
  'student.goals': { description: 'What you want from the conversation; one line or a list.', examples: [['See what L&D directors do', 'Learn which skills to build']] },
  'student.strengths': { description: 'What you bring; the packet helps you say it in a sentence.', examples: [['Workshop facilitation']] },
  'student.background': { description: 'A line about yourself for the introduction.', examples: ['Senior in psychology who runs peer workshops'] },
  mentor: { description: 'The person you are meeting.', examples: [{ name: 'Dr. José Núñez', title: 'Director of Learning & Development' }] },
  'mentor.name': { description: "The mentor's name as they write it (required); an honorific such as Dr. is kept.", examples: ['Dr. José Núñez'] },
  'mentor.salutation': { description: 'How the thank-you letter greets them, after "Dear"; chosen from the name, title and pronouns when absent.', examples: ['Dr. Núñez', 'José'] },
  'mentor.family_name': { description: 'Their family name, when the order of the name does not say it (family name first, or two family names).', examples: ['Kim', 'García López'] },
  'mentor.pronouns': { description: 'Their pronouns; used for Mr./Ms./Mx. when no other honorific applies.', examples: ['he/him', 'she/her', 'they/them'] },
  'mentor.title': { description: 'Their job title.', examples: ['Director of Learning & Development'] },
  'mentor.department': { description: 'Their department or team.', examples: ['People & Culture'] },
  'mentor.program': { description: 'Their academic program, if you know it.', examples: ['Ed.D. Adult Learning and Leadership, 2009'] },
  'mentor.email': { description: "The mentor's email address, for the thank-you email.", examples: ['jnunez@example.com'] },
  'mentor.phone': { description: "The mentor's phone number, for a phone meeting.", examples: ['(555) 010-0100'] },
  'mentor.linkedin': { description: "The mentor's LinkedIn profile; the packet reminds you to read it.", examples: ['https://www.linkedin.com/in/example'] },
  organization: { description: 'Where the mentor works.', examples: [{ name: 'Acme Health' }] },
  'organization.name': { description: "The organization's name (required).", examples: ['Acme Health'] },
  'organization.website': { description: "The organization's website (http or https).", examples: ['https://acme.example'] },
  'organization.industry': { description: 'Its field.', examples: ['Healthcare'] },
  'organization.location': { description: 'Where it is.', examples: ['New York, NY'] },
  'organization.mission': { description: 'Its mission statement, in its own words.', examples: ['Care close to home, for every family.'] },
  'organization.research': { description: 'What you found out about it (news, reports); one line or a list.', examples: [['Opened two clinics in 2026 (annual report)']] },
  meeting: { description: 'When and how you meet.', examples: [{ date: '2026-12-03', time: '14:30', timezone: 'America/New_York', minutes: 20, format: 'in-person' }] },
  'meeting.date': { description: 'The day of the meeting, YYYY-MM-DD.', examples: ['2026-12-03'] },
  'meeting.time': { description: 'The start time on the 24-hour clock, in quotes.', examples: ['14:30'] },
  'meeting.timezone': { description: 'The time zone of the meeting: an IANA name, or a name people use ("Eastern", "CET", "New York"); default --timezone, kit.yaml, else this computer\'s.', examples: ['America/New_York', 'Europe/Paris'] },
  'meeting.minutes': { description: 'How long the meeting is, in minutes (5 to 240; default 20).', examples: [20, 30] },
  'meeting.format': { description: 'How you meet.', examples: ['in-person', 'video', 'phone'] },
  'meeting.location': { description: 'Where you meet (address and room), or a phone number.', examples: ['55 Water St, 12th floor'] },
  'meeting.link': { description: 'The video call link (http or https).', examples: ['https://meet.example/abc-defg'] },
  questions: { description: 'Which questions the packet and the question sheet ask; without include, the guide\'s starter questions.', examples: [{ include: ['career-field', 'like-best'] }] },
  'questions.include': { description: 'Group ids or question ids to ask (see `interview-kit questions`).', examples: [['career-field', 'like-best']] },
  'questions.exclude': { description: 'Question ids to leave out of the included groups.', examples: [['pressure']] },
  'questions.custom': { description: 'Questions of your own, asked after the guide\'s.', examples: [['How has remote work changed onboarding at Acme?']] },
  notes: { description: 'After the meeting: what you took away; the thank-you draft is written from it.', examples: [{ advice: 'Build a small portfolio.' }] },
  'notes.learned': { description: 'What you learned; one line or a list.', examples: [['Managers ask for programs that fit into a lunch hour']] },
  'notes.advice': { description: 'The advice you will act on.', examples: ['Learn the basics of a learning-management system.'] },
  'notes.referrals': { description: 'People they suggested you contact.', examples: [['Ana Ruiz, HR Business Partner']] },
  'notes.next_steps': { description: 'What you will do next.', examples: [['Take the LMS course']] },
  'notes.influence': { description: 'How the conversation will shape your next steps.', examples: ['I will look for an L&D internship next summer.'] },
  'notes.business_card': { description: 'Whether you received a business card (the letter then uses the details on it).', examples: [true] },
};
