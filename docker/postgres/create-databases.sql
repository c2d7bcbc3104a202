-- One database per service, as the local stack makes them.
create database ardoise_accounts;
create database ardoise_invoices;
create database ardoise_notifications;
